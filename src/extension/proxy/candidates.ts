// Which mirrors "Switch GOPROXY to the fastest working mirror…" probes: the built-in public
// mirrors (or goEnv.proxyCandidates, which replaces them), the http(s) entries of the current
// GOPROXY (so the ranking says why the current one fails), then goEnv.extraMirrors.
// Pure: unit-tested without VS Code.
import { parseGoproxy } from '../../core/go/goproxy';
import type { ConfigReader } from '../settings';

export const PROXY_CANDIDATES_KEY = 'proxyCandidates';

export interface ProxyCandidateSetting {
  /** goEnv.proxyCandidates as it applies; empty: use the built-in mirrors. */
  candidates: string[];
  /** A workspace value that was not used because the workspace is not trusted. */
  ignoredWorkspaceValue: boolean;
}

function cleanList(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return [
    ...new Set(
      v
        .filter((x): x is string => typeof x === 'string')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    ),
  ];
}

/**
 * goEnv.proxyCandidates. In an untrusted workspace only the user's own value counts: a workspace
 * must not choose the mirrors offered for the user's go env file before it is trusted.
 */
export function readProxyCandidates(cfg: ConfigReader, workspaceTrusted: boolean): ProxyCandidateSetting {
  if (workspaceTrusted)
    return { candidates: cleanList(cfg.get<unknown>(PROXY_CANDIDATES_KEY)), ignoredWorkspaceValue: false };
  const info = cfg.inspect<unknown>(PROXY_CANDIDATES_KEY);
  const fromWorkspace = cleanList(info?.workspaceFolderValue).length > 0 || cleanList(info?.workspaceValue).length > 0;
  return { candidates: cleanList(info?.globalValue), ignoredWorkspaceValue: fromWorkspace };
}

/** An http(s) mirror URL, or undefined for anything the ranking cannot probe. */
function mirrorUrl(text: string): string | undefined {
  if (/[,|]/.test(text)) return undefined;
  const [e] = parseGoproxy(text);
  return e?.kind === 'url' && (e.url.protocol === 'https:' || e.url.protocol === 'http:') ? e.text : undefined;
}

export interface CandidateInput {
  /** The built-in public mirrors (DEFAULT_MIRRORS). */
  builtin: readonly string[];
  /** goEnv.proxyCandidates; when non-empty it replaces `builtin`. */
  configured: readonly string[];
  /** goEnv.extraMirrors. */
  extraMirrors: readonly string[];
  /** GOPROXY as the go command uses it now. */
  currentGoproxy: string;
}

export interface Candidates {
  urls: string[];
  /** Settings entries that are not http(s) mirror URLs (shown in the log). */
  skipped: string[];
}

export function mirrorCandidates(i: CandidateInput): Candidates {
  const current = parseGoproxy(i.currentGoproxy)
    .filter((e) => e.kind === 'url' && (e.url.protocol === 'https:' || e.url.protocol === 'http:'))
    .map((e) => e.text);
  const base = i.configured.length > 0 ? i.configured : i.builtin;
  const seen = new Set<string>();
  const urls: string[] = [];
  const skipped: string[] = [];
  for (const raw of [...base, ...current, ...i.extraMirrors]) {
    const url = mirrorUrl(raw);
    if (!url) {
      skipped.push(raw);
      continue;
    }
    const key = url.replace(/\/+$/, '');
    if (seen.has(key)) continue;
    seen.add(key);
    urls.push(url);
  }
  return { urls, skipped };
}
