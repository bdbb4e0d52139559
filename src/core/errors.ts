// Errors are values with a cause and a remedy, so every surface can say what went wrong and what to do.
import { isMessage, msg, type Message } from './i18n/message';
import { render } from './i18n/render';

const BRAND = Symbol.for('go-env-doctor.DoctorError');

export class DoctorError extends Error {
  /**
   * `instanceof` by brand, not prototype: the extension loads the fix implementations from a
   * second bundle with its own copy of this class, and their errors must still be recognised.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly [BRAND] = true;

  /** A dotted id (often the finding id it becomes), e.g. `toolchain.checksumMismatch`. */
  readonly code: string;
  /** What to do about it, in one or two sentences. */
  readonly remedy: string;
  /** `message` and `remedy` as catalog Messages (they are the English rendering); see doctorError. */
  readonly text?: ErrorText;

  constructor(code: string, message: string, remedy: string, options?: { cause?: unknown; text?: ErrorText }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DoctorError';
    this.code = code;
    this.remedy = remedy;
    if (options?.text) this.text = options.text;
  }
}

export interface ErrorText {
  message: Message;
  remedy: Message;
}

/** A DoctorError spoken through the catalog: English in `message`/`remedy`, the Messages in `text`. */
export function doctorError(code: string, message: Message, remedy: Message, cause?: unknown): DoctorError {
  return new DoctorError(code, render(message, 'en'), render(remedy, 'en'), {
    ...(cause === undefined ? {} : { cause }),
    text: { message, remedy },
  });
}

/** The error's text as Messages: its own, or its English wrapped verbatim (errors built before the catalog). */
export function errorText(err: DoctorError): ErrorText {
  return (
    err.text ?? {
      message: msg('common.verbatim', { text: err.message }),
      remedy: msg('common.verbatim', { text: err.remedy }),
    }
  );
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || (err as NodeJS.ErrnoException).code === 'ABORT_ERR');
}

/** The innermost `code` in a chain of causes (fetch/undici wrap the interesting one). */
export function errorCode(err: unknown): string | undefined {
  let cur: unknown = err;
  for (let depth = 0; cur && depth < 8; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ERR_ASSERTION') {
      const inner = (cur as { cause?: unknown }).cause;
      const innerCode = inner ? errorCode(inner) : undefined;
      return innerCode ?? code;
    }
    if (cur instanceof AggregateError && cur.errors.length > 0) cur = cur.errors[0];
    else cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    if (err.message === 'fetch failed' && cause instanceof Error) return cause.message;
    return err.message;
  }
  return String(err);
}

/**
 * errorMessage as a Message: a DoctorError's own, an error's `text` when it carries its words as a
 * Message (probe and checksum-database errors), else the library's words as they are.
 */
export function errorMessageText(err: unknown): Message {
  if (err instanceof DoctorError && err.text) return err.text.message;
  const text: unknown = err instanceof Error ? (err as { text?: unknown }).text : undefined;
  return isMessage(text) ? text : msg('common.verbatim', { text: errorMessage(err) });
}
