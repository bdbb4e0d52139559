// How a checksum-database lookup fails, by kind, so callers can map each kind to its own finding.
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
  constructor(
    readonly kind: SumdbFailure,
    message: string,
    /** The (redacted) URL involved, when there is one. */
    readonly url?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SumdbError';
  }
}
