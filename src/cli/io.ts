// What a subcommand may touch of its process, passed in so tests can capture it.
import type { Lang } from '../core/i18n/lang';
import type { Platform } from '../core/platform';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress lines are shown only then). */
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
  cwd: string;
  platform: Platform;
  /** How this CLI was started (`go-env-doctor`, or `node /abs/dist/cli.js`), for printed fixes. */
  invocation?: string;
  /** The language of human output (`--lang`, else the locale); English when absent. */
  lang?: Lang;
  /** The language of `--json` text: English unless `--lang` was given, so scripts see one language. */
  jsonLang?: Lang;
  /** The terminal's width in columns when stdout is one. */
  stdoutColumns?: number;
  /** The Windows display language (`zh-CN`), consulted when no locale variable is set. */
  uiLanguage?: string;
}

/** A subcommand: resolves to the process exit code (0 ok, 1 failure found, 2 usage or internal). */
export type Subcommand = (argv: readonly string[], io: CliIO, signal: AbortSignal) => Promise<number>;
