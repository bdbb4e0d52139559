// The probe's data types and the plumbing its steps share (step context, timing, abort races).
import * as net from 'node:net';
import type { X509Certificate } from 'node:crypto';
import type { GoTrust } from './trust';
import type { NetProxyConfig } from './netproxy';
import type { MessageKey } from '../i18n/catalog';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

export type ProbeStep = 'dns' | 'connect' | 'proxyConnect' | 'tls' | 'http';
export type ProbeErrorKind =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'reset'
  | 'tls'
  | 'netproxy'
  | 'http'
  | 'aborted'
  /** Credentials in an http:// URL: not sent, and the request not made, as the go command does. */
  | 'insecureCredentials';

export interface TlsFailureInfo {
  /** OpenSSL/Node code after ordering failures as Go does: CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID... */
  code: string;
  /** The CA the chain leads to (for an untrusted chain: the one Go does not know). */
  issuer: string;
  /** The leaf certificate's subject. */
  subject: string;
  validFrom: string;
  validTo: string;
  /** The names the leaf certificate is valid for (`DNS:a, IP Address:1.2.3.4`). */
  altNames?: string;
}

export interface ProbeError {
  kind: ProbeErrorKind;
  step: ProbeStep;
  code: string;
  /** What the step saw, in English ("127.0.0.1:1 refused the connection (ECONNREFUSED)"). */
  message: string;
  /** `message` as a catalog Message, for findings in another language. */
  text: Message;
  tls?: TlsFailureInfo;
}

/** A ProbeError from its words: `message` is their English. */
export function probeError(e: Omit<ProbeError, 'message' | 'text'>, text: Message): ProbeError {
  return { ...e, message: render(text, 'en'), text };
}

export interface ProbeSteps {
  dnsMs?: number;
  connectMs?: number;
  proxyConnectMs?: number;
  tlsMs?: number;
  httpMs?: number;
}

export interface ProbeResult {
  /** The probed URL, credentials redacted. */
  url: string;
  steps: ProbeSteps;
  /** Set once response headers arrived. */
  status?: number | undefined;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** The body was longer than the cap and was cut there. */
  truncated: boolean;
  /** From sending the request to the response headers: bounds when the server wrote `Date`. */
  rttMs?: number;
  /** `now()` when the response headers arrived. */
  responseAt?: number;
  /** The HTTP proxy the request went through (as the go command would route it). */
  via?: { display: string; variable: string };
  /** Addresses DNS returned, IPv4 and IPv6, in the resolver's order (of the proxy, when one is used). */
  addresses?: string[];
  /** The address the TCP connection was made to (of the proxy, when one is used). */
  connectedTo?: string;
  /** The certificates the server presented, leaf first (TLS only, when the handshake got that far). */
  peerChain?: X509Certificate[];
  totalMs: number;
  error?: ProbeError;
}

export interface ProbeOptions {
  url: URL;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Required for https:// URLs and https:// proxies: the CA set of the go command. */
  trust?: GoTrust | Promise<GoTrust> | (() => Promise<GoTrust>);
  /** HTTP(S)_PROXY / NO_PROXY routing; omitted means direct. */
  netproxy?: NetProxyConfig;
  /** Default 64 KiB. */
  bodyCap?: number;
  /** Wall clock for `responseAt` (Platform.now). */
  now?: () => number;
  headers?: Record<string, string>;
  /** Name to addresses (Platform.lookup); default: the system resolver, as Go's cgo resolver uses it. */
  lookup?: HostLookup | undefined;
}

/** Every address a name resolves to, IPv4 and IPv6; rejects with an errno-style error (code ENOTFOUND...). */
export type HostLookup = (host: string) => Promise<string[]>;

export const DEFAULT_BODY_CAP = 64 * 1024;
export const USER_AGENT = 'go-env-doctor';

export class ProbeFailure extends Error {
  constructor(
    readonly info: ProbeError,
    /** The peer chain, for TLS failures (kept out of `info`, which must stay plain data). */
    readonly chain?: X509Certificate[],
  ) {
    super(info.message);
  }
}

/** The step in words: "the DNS lookup", "the TLS handshake". */
export function stepText(step: ProbeStep): Message {
  return msg(STEP_KEYS[step]);
}

const STEP_KEYS = {
  dns: 'net.step.dns',
  connect: 'net.step.connect',
  proxyConnect: 'net.step.proxyConnect',
  tls: 'net.step.tls',
  http: 'net.step.http',
} as const satisfies Record<ProbeStep, MessageKey>;

export const TIMEOUT = Symbol('timeout');
export const ABORTED = Symbol('aborted');

export interface StepContext {
  signal: AbortSignal;
  sockets: net.Socket[];
  now: () => number;
  lookup?: HostLookup | undefined;
}

export function since(t: number): number {
  return Math.round((performance.now() - t) * 10) / 10;
}

export function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function hostForRequest(host: string): string {
  return net.isIPv6(host) ? `[${host}]` : host;
}

/** Rejects when the probe is cut short, so a hung step (getaddrinfo cannot be cancelled) never blocks. */
export function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export async function awaitTrust(opts: ProbeOptions): Promise<GoTrust> {
  const t = opts.trust;
  if (!t) throw new Error('probe: https:// needs the trust store (ProbeOptions.trust)');
  return typeof t === 'function' ? t() : t;
}
