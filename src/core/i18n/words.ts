// Finding and fix text built from Messages: the English strings every consumer (JSON, tests) reads
// today, plus the Messages themselves so a surface can render them in the user's language.
import type { FindingText } from '../findings';
import type { Message } from './message';
import { render } from './render';

export function findingWords(title: Message, detail: Message): { title: string; detail: string; text: FindingText } {
  return { title: render(title, 'en'), detail: render(detail, 'en'), text: { title, detail } };
}

export function fixWords(title: Message): { title: string; text: { title: Message } } {
  return { title: render(title, 'en'), text: { title } };
}
