// The finding model: the public contract of `--json` and of every surface (CLI, VS Code).
// Documented for users in docs/findings.md; keep both in step.

import type { Message } from './i18n/message';
import { redact, redactDeep } from './redact';
import { clip, flat, inert } from './untrustedText';

const TITLE_MAX = 200;
const DETAIL_MAX = 8000;

/** Symbol.for: the fix bundle has its own copy of this module, and must find the same key. */
export const PROXY_VALUE: unique symbol = Symbol.for('go-env-doctor.proxyValue');

export type Severity = 'ok' | 'info' | 'warning' | 'error';

export const SEVERITY_ORDER: Record<Severity, number> = { ok: 0, info: 1, warning: 2, error: 3 };

/**
 * A machine-readable fix the editor can run directly. The CLI shows `Fix.command` instead.
 * Each kind has a handler in the extension's fix registry (src/extension/fixes/registry.ts).
 */
export type FixAction =
  /** `arch` (Platform.arch names): the machine's own build, when this process runs emulated. */
  | { kind: 'installToolchain'; version: string; arch?: string }
  | { kind: 'setProxyAuto' }
  | { kind: 'restoreProxy' }
  | { kind: 'workOffline' }
  | { kind: 'setGoEnv'; name: string; value: string }
  /**
   * Writes GOPROXY through the proxy-change code (saved for restore-proxy). `value` is for showing
   * (credentials redacted); the value to write is held under PROXY_VALUE, which no output carries.
   */
  | { kind: 'setProxy'; value: string; readonly [PROXY_VALUE]?: string }
  | { kind: 'unsetGoEnv'; name: string }
  | { kind: 'openSettings'; query: string }
  | { kind: 'showReport' }
  | { kind: 'repairGoSum'; goSum: string; module: string; version: string }
  | { kind: 'redownloadModule'; cwd: string; module: string; version: string }
  | { kind: 'cleanModcache'; cwd: string }
  /** Saves the certificate `url` presents if its SHA-256 is `sha256`; trusting it is left to the user. */
  | { kind: 'saveCertificate'; url: string; sha256: string };

export interface Fix {
  /** A command line the user can run in a terminal (the CLI prints this). */
  command: string;
  /** What the fix does, in a few words ("Use a GOPROXY mirror that works"). */
  title: string;
  /** The same fix as an action the editor can perform itself, when there is one. */
  action?: FixAction;
  /** `title` as a catalog Message, for surfaces that speak another language (i18n/localize.ts). */
  text?: { title: Message };
}

/** A finding's title and detail as catalog Messages; `title`/`detail` are their English rendering. */
export interface FindingText {
  title: Message;
  detail: Message;
}

export interface Location {
  file: string;
  /** 1-based. */
  line: number;
}

/** One probed endpoint's steps (ms) and addresses; `addresses`/`connectedTo` are the proxy's when one is used. */
export interface EndpointTimings {
  dnsMs?: number;
  connectMs?: number;
  /** Through an HTTP(S) or SOCKS proxy: opening the tunnel. */
  proxyConnectMs?: number;
  tlsMs?: number;
  /** From sending the request to the response headers. */
  firstByteMs?: number;
  addresses?: string[];
  connectedTo?: string;
}

export interface Finding {
  /** Dotted id, stable across versions: `proxy.refused`, `gomod.goTooNew`, ... */
  id: string;
  severity: Severity;
  title: string;
  /** The cause and what to do, in sentences. */
  detail: string;
  /** The URL, host or variable the finding is about (credentials redacted). */
  subject?: string;
  location?: Location;
  fixes?: Fix[];
  /** How long the check behind this finding took, for the timings column. */
  durationMs?: number;
  /** Network findings: the probed endpoint's step timings and addresses. */
  timings?: EndpointTimings;
  /** The same title and detail as Messages (i18n/words.ts builds both); absent on older findings. */
  text?: FindingText;
}

export function worstSeverity(findings: readonly Finding[]): Severity {
  let worst: Severity = 'ok';
  for (const f of findings) if (SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[worst]) worst = f.severity;
  return worst;
}

/**
 * The finding as a surface may show it: credentials removed from every text, and outside text
 * quoted in it (certificate names, server answers, stderr) made inert and bounded.
 */
export function redactFinding(f: Finding): Finding {
  return {
    ...f,
    title: clip(redact(flat(f.title)), TITLE_MAX),
    detail: clip(redact(inert(f.detail)), DETAIL_MAX),
    ...(f.text ? { text: redactDeep(f.text) } : {}),
    ...(f.subject !== undefined ? { subject: clip(redact(flat(f.subject)), TITLE_MAX) } : {}),
    ...(f.fixes ? { fixes: redactDeep(f.fixes).map((x) => ({ ...x, title: clip(flat(x.title), TITLE_MAX) })) } : {}),
  };
}
