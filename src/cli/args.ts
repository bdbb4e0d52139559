// A small, strict argument parser shared by the subcommands: unknown flags are usage errors (exit 2).
import type { Lang } from '../core/i18n/lang';
import { isMessage, msg, type Message } from '../core/i18n/message';
import { render } from '../core/i18n/render';

export class UsageError extends Error {
  /** The message from the catalog, when it has one (rendered in the user's language). */
  readonly text?: Message;

  constructor(message: string | Message) {
    super(isMessage(message) ? render(message, 'en') : message);
    this.name = 'UsageError';
    if (isMessage(message)) this.text = message;
  }

  /** The message in `lang` (English for the ones not in the catalog). */
  in(lang: Lang): string {
    return this.text ? render(this.text, lang) : this.message;
  }
}

export interface FlagSpec {
  /** `boolean` flags take no value; `string` flags take one; `list` flags may repeat. */
  [name: string]: 'boolean' | 'string' | 'list';
}

export interface ParsedArgs {
  flags: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses `--name value`, `--name=value` and `--flag`; `--` ends flags. */
export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(msg('cli.args.unknownOption', { option: arg }));
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = spec[name];
    if (!kind) throw new UsageError(msg('cli.args.unknownOption', { option: `--${name}` }));
    if (kind === 'boolean') {
      if (eq !== -1) throw new UsageError(msg('cli.args.noValue', { name }));
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(msg('cli.args.needsValue', { name }));
      i++;
    }
    if (kind === 'list') ((flags[name] as string[] | undefined) ?? (flags[name] = [])).push(value);
    else flags[name] = value;
  }
  return { flags, positionals };
}

/** A usage error for the first positional argument a command does not take. */
export function unexpectedArgument(positionals: readonly string[]): void {
  if (positionals.length) throw new UsageError(msg('cli.args.unexpected', { arg: positionals[0]! }));
}

/** A positive integer flag value, or a usage error naming the flag. */
export function intFlag(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(msg('cli.args.positiveMs', { name, value: String(value) }));
  return n;
}
