// A finding as one language shows it: titles and details rendered from their Messages, then
// redacted and made inert again (parameters carry outside text).
import type { DoctorError } from '../errors';
import { redactFinding, type Finding } from '../findings';
import type { Lang } from './lang';
import { render } from './render';

export function localizeFinding(f: Finding, lang: Lang): Finding {
  if (lang === 'en') return f;
  return redactFinding({
    ...f,
    ...(f.text ? { title: render(f.text.title, lang), detail: render(f.text.detail, lang) } : {}),
    ...(f.fixes ? { fixes: f.fixes.map((x) => (x.text ? { ...x, title: render(x.text.title, lang) } : x)) } : {}),
  });
}

/** A DoctorError's message and remedy in one language (not yet redacted: the surface does that). */
export function localizeError(err: DoctorError, lang: Lang): { message: string; remedy: string } {
  if (lang === 'en' || !err.text) return { message: err.message, remedy: err.remedy };
  return { message: render(err.text.message, lang), remedy: render(err.text.remedy, lang) };
}
