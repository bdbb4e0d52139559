// What `set-proxy --auto` probes and checks when the caller does not say otherwise.

/** Public GOPROXY mirrors probed by default (product defaults; tests always pass their own). */
export const DEFAULT_MIRRORS: readonly string[] = [
  'https://proxy.golang.org',
  'https://goproxy.cn',
  'https://goproxy.io',
  'https://mirrors.aliyun.com/goproxy/',
];

/**
 * The module version every mirror must serve identically. rsc.io/quote v1.5.2 is tiny, immutable
 * and on every public mirror; its go.mod hash is the go.sum line sum.golang.org has published
 * since 2019, so a mirror can be checked even when no checksum database answers.
 */
export interface ReferenceModule {
  path: string;
  version: string;
  /** The `/go.mod h1:` hash, when known in advance, and the database it comes from. */
  knownGoModHash?: { db: string; hash: string };
}

export const REFERENCE_MODULE: ReferenceModule = {
  path: 'rsc.io/quote',
  version: 'v1.5.2',
  knownGoModHash: { db: 'sum.golang.org', hash: 'h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=' },
};

/** Requests per mirror; the median of their latencies ranks the mirror. */
export const DEFAULT_ROUNDS = 3;

/** Per-request timeout (the CLI's --timeout default). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 5000;

/** The official alias of sum.golang.org reachable from mainland China (same key, other host). */
export const SUMDB_CHINA_ALIAS = 'sum.golang.google.cn';
export const SUMDB_CHINA_ALIAS_URL = 'https://sum.golang.google.cn';

/** How many mirrors the new GOPROXY lists before `direct`. */
export const MIRRORS_IN_VALUE = 2;
