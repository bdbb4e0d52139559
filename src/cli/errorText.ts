// How a subcommand prints a DoctorError on stderr: what went wrong, then the fix, both redacted,
// in the user's language when the error carries its text as Messages.
import type { DoctorError } from '../core/errors';
import type { Lang } from '../core/i18n/lang';
import { isMessage, msg, type Message } from '../core/i18n/message';
import { render } from '../core/i18n/render';
import { redact } from '../core/redact';

/** The error's cause and remedy as catalog Messages, when it has them (older errors: English strings). */
function textOf(e: DoctorError): { message: Message; remedy: Message } | undefined {
  const text = (e as { text?: { message?: unknown; remedy?: unknown } }).text;
  return text && isMessage(text.message) && isMessage(text.remedy)
    ? { message: text.message, remedy: text.remedy }
    : undefined;
}

/** The error's message and remedy in `lang`. */
export function errorWords(e: DoctorError, lang: Lang): { message: string; remedy: string } {
  const text = textOf(e);
  return text
    ? { message: redact(render(text.message, lang)), remedy: redact(render(text.remedy, lang)) }
    : { message: redact(e.message), remedy: redact(e.remedy) };
}

export function errorText(e: DoctorError, lang: Lang = 'en'): string {
  const { message, remedy } = errorWords(e, lang);
  return `${render(msg('cli.error', { message }), lang)}\n${render(msg('cli.error.fix', { remedy }), lang)}\n`;
}
