// Typed settings with their defaults (package.json "contributes.configuration" declares the same).
// Pure: reads through a minimal interface, so it is unit-tested without VS Code.

export const SECTION = 'goEnv';

export const DEFAULTS = {
  goPath: '',
  probeTimeoutMs: 5000,
  runOnStartup: true,
  extraMirrors: [] as string[],
} as const;

/** Changing any of these makes the last diagnosis stale. */
export const SETTINGS_THAT_MATTER: readonly string[] = [
  'goEnv.goPath',
  'goEnv.probeTimeoutMs',
  'goEnv.extraMirrors',
  'http.proxy',
  'http.noProxy',
  'http.proxyStrictSSL',
];

export interface ConfigInspection<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/** The parts of vscode.WorkspaceConfiguration we read. */
export interface ConfigReader {
  get<T>(key: string): T | undefined;
  inspect<T>(key: string): ConfigInspection<T> | undefined;
}

export interface Settings {
  /** The go binary to run; undefined means "search PATH and the usual places". */
  goPath: string | undefined;
  /** A goPath from workspace settings that was not used because the workspace is not trusted. */
  ignoredWorkspaceGoPath: string | undefined;
  probeTimeoutMs: number;
  runOnStartup: boolean;
  extraMirrors: string[];
}

const MIN_TIMEOUT_MS = 500;
const MAX_TIMEOUT_MS = 60_000;

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export function readSettings(cfg: ConfigReader, workspaceTrusted: boolean): Settings {
  const goPathInfo = cfg.inspect<string>('goPath');
  const workspaceGoPath = nonEmpty(goPathInfo?.workspaceFolderValue) ?? nonEmpty(goPathInfo?.workspaceValue);
  let goPath: string | undefined;
  let ignoredWorkspaceGoPath: string | undefined;
  if (workspaceGoPath !== undefined && !workspaceTrusted) {
    // A workspace must not make us run a binary of its choosing before the user trusts it.
    goPath = nonEmpty(goPathInfo?.globalValue);
    ignoredWorkspaceGoPath = workspaceGoPath;
  } else {
    goPath = nonEmpty(cfg.get<string>('goPath'));
  }

  const rawTimeout = cfg.get<number>('probeTimeoutMs');
  const probeTimeoutMs =
    typeof rawTimeout === 'number' && Number.isFinite(rawTimeout)
      ? Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, Math.round(rawTimeout)))
      : DEFAULTS.probeTimeoutMs;

  const rawStartup = cfg.get<boolean>('runOnStartup');
  // A workspace must not choose the hosts we contact, nor a mirror offered for the user's go env
  // file, before it is trusted: then only the user's own list counts.
  const rawMirrors = workspaceTrusted
    ? cfg.get<unknown>('extraMirrors')
    : cfg.inspect<unknown>('extraMirrors')?.globalValue;
  const extraMirrors = Array.isArray(rawMirrors)
    ? [...new Set(rawMirrors.map(nonEmpty).filter((m): m is string => m !== undefined))]
    : [];

  return {
    goPath,
    ignoredWorkspaceGoPath,
    probeTimeoutMs,
    runOnStartup: typeof rawStartup === 'boolean' ? rawStartup : DEFAULTS.runOnStartup,
    extraMirrors,
  };
}

/**
 * Removes comments and trailing commas from a VS Code settings file (JSON with comments), so
 * JSON.parse can read it.
 */
export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/**
 * goEnv.goPath as a workspace settings file sets it. VS Code hides restricted settings of an
 * untrusted workspace from the API entirely, so to say that one was ignored we read the file.
 */
export function goPathInSettingsFile(text: string, key = 'goEnv.goPath'): string | undefined {
  try {
    const parsed = JSON.parse(stripJsonc(text)) as unknown;
    const obj = (
      parsed &&
      typeof parsed === 'object' &&
      'settings' in parsed &&
      typeof (parsed as { settings: unknown }).settings === 'object'
        ? (parsed as { settings: Record<string, unknown> }).settings // a .code-workspace file
        : parsed
    ) as Record<string, unknown> | null;
    return obj ? nonEmpty(obj[key]) : undefined;
  } catch {
    return undefined;
  }
}
