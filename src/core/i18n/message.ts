// A user-facing text as data: a catalog key and its parameters. Checks build Messages; each surface
// renders them in the user's language (render.ts), so no sentence is written in code.
import type { MessageKey } from './catalog';

/** A value placed into a template: outside text (a host, a server's answer), a number, or more text. */
export type Param = string | number | Message;

export interface Message {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, Param>>;
}

export function msg(key: MessageKey, params?: Record<string, Param>): Message {
  return params ? { key, params } : { key };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
}
