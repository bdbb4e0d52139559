// The tool's name and version; esbuild defines the version from package.json at build time.
declare const TOOL_VERSION_DEFINE: string | undefined;

export const TOOL_NAME = 'go-env-doctor';
export const TOOL_VERSION: string = typeof TOOL_VERSION_DEFINE === 'string' ? TOOL_VERSION_DEFINE : '0.0.0-dev';
