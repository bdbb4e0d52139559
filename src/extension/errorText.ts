// What an error says, in the display language: a DoctorError's cause and remedy rendered from its
// Messages when it carries them (`text`), else its English message and remedy.
import { DoctorError } from '../core/errors';
import type { Lang } from '../core/i18n/lang';
import { isMessage, type Message } from '../core/i18n/message';
import { render } from '../core/i18n/render';

export function errorText(err: unknown, lang: Lang): string {
  if (err instanceof DoctorError) {
    const text = (err as { text?: { message?: unknown; remedy?: unknown } }).text;
    const say = (m: unknown, english: string) => (isMessage(m) ? render(m as Message, lang) : english);
    return `${say(text?.message, err.message)} ${say(text?.remedy, err.remedy)}`;
  }
  return err instanceof Error ? err.message : String(err);
}
