// `--lang en|zh-CN`, accepted before or after the command, and the language it leaves the CLI in.
import { parseLang, pickLang, type Lang } from '../core/i18n/lang';
import { msg } from '../core/i18n/message';
import { UsageError } from './args';
import type { CliIO } from './io';

/** argv without `--lang X` / `--lang=X` (before any `--`), and the language named. */
export function takeLangFlag(argv: readonly string[]): { argv: string[]; flag?: Lang } {
  const rest: string[] = [];
  let flag: Lang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg !== '--lang' && !arg.startsWith('--lang=')) {
      rest.push(arg);
      continue;
    }
    const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
    if (value === undefined || value === '' || value.startsWith('-')) throw new UsageError(msg('cli.lang.missing'));
    flag = parseLang(value);
    if (!flag) throw new UsageError(msg('cli.lang.bad', { value }));
  }
  return flag ? { argv: rest, flag } : { argv: rest };
}

/** The io with its languages set: human output per `--lang` or the locale; JSON English unless `--lang`. */
export function withLang(io: CliIO, flag: Lang | undefined): CliIO {
  const lang = pickLang({
    ...(flag ? { flag } : {}),
    env: io.platform.env,
    ...(io.uiLanguage ? { windowsUiLanguage: io.uiLanguage } : {}),
  });
  return { ...io, lang, jsonLang: flag ?? 'en' };
}
