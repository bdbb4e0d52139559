// Command ids: package.json "contributes.commands" declares the same ids (keep both in step).
export const Commands = {
  diagnose: 'goEnv.diagnose',
  showReport: 'goEnv.showReport',
  showLog: 'goEnv.showLog',
  showFindings: 'goEnv.showFindings',
  verifyWithGo: 'goEnv.verifyWithGo',
  verifyModuleCache: 'goEnv.verifyModuleCache',
  /** Internal: applies one fix of the current report, addressed by a FixRef. */
  applyFix: 'goEnv.applyFix',
  installToolchain: 'goEnv.installToolchain',
} as const;

/** Commands our Markdown tooltips may link to (MarkdownString.isTrusted.enabledCommands). */
export const LINKABLE_COMMANDS: readonly string[] = [
  Commands.diagnose,
  Commands.showReport,
  Commands.showLog,
  Commands.showFindings,
  Commands.applyFix,
];

export const EXTENSION_ID = 'go-env-doctor.go-env-doctor';
export const DIAGNOSTIC_SOURCE = 'Go Env';
