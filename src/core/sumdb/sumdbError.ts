// How a checksum-database lookup fails, by kind, so callers can map each kind to its own finding.
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

export type SumdbFailure =
  /** No answer, a timeout, a 5xx, or a mirror that neither supports nor declines the database. */
  | 'unavailable'
  /** The database has no record of module@version (404/410 on lookup). */
  | 'notFound'
  /** The tree note is not signed by the configured key, or its signature is invalid. */
  | 'badSignature'
  /** Tiles or the record do not check out against the signed tree hash. */
  | 'badProof'
  /** SECURITY: the database's tree does not extend the tree head verified earlier (a fork). */
  | 'inconsistent'
  /** A response that is not in the protocol's format. */
  | 'malformed';

export class SumdbError extends Error {
  /** The message as a catalog Message (a server's or library's words are kept as they are). */
  readonly text: Message;
  constructor(
    readonly kind: SumdbFailure,
    text: Message | string,
    /** The (redacted) URL involved, when there is one. */
    readonly url?: string,
    options?: { cause?: unknown },
  ) {
    const words = typeof text === 'string' ? msg('common.verbatim', { text }) : text;
    super(render(words, 'en'), options);
    this.name = 'SumdbError';
    this.text = words;
  }
}
