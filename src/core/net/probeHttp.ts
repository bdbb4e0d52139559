// Probe step: one HTTP/1.1 GET on the prepared socket, body capped, failures named.
import type * as net from 'node:net';
import * as http from 'node:http';
import { basicAuthorization, withoutUserinfo } from './credentials';
import { proxyAuthorization, type ProxySetting } from './netproxy';
import {
  DEFAULT_BODY_CAP,
  ProbeFailure,
  probeError,
  since,
  USER_AGENT,
  type ProbeOptions,
  type ProbeResult,
  type StepContext,
} from './probeTypes';
import { verbatim } from '../i18n/findingText';
import { msg } from '../i18n/message';

export function request(
  socket: net.Socket,
  url: URL,
  proxy: ProxySetting | undefined,
  opts: ProbeOptions,
  ctx: StepContext,
  result: ProbeResult,
): Promise<void> {
  const cap = opts.bodyCap ?? DEFAULT_BODY_CAP;
  return new Promise((resolve, reject) => {
    if (ctx.signal.aborted) return reject(ctx.signal.reason);
    const headers: Record<string, string> = {
      Host: url.host,
      'User-Agent': USER_AGENT,
      Accept: '*/*',
      'Accept-Encoding': 'identity',
      Connection: 'close',
      ...opts.headers,
    };
    // Go sends GOPROXY userinfo as basic auth, over https only (probe() refuses it over http).
    const authorization = url.protocol === 'https:' ? basicAuthorization(url) : undefined;
    if (authorization) headers.Authorization = authorization;
    if (proxy) {
      const auth = proxyAuthorization(proxy.url);
      if (auth) headers['Proxy-Authorization'] = auth;
    }
    const target = withoutUserinfo(url);
    target.hash = '';
    // ClientRequest, not http.request: see the CONNECT request above.
    const req = new http.ClientRequest({
      method: 'GET',
      path: proxy ? target.href : `${target.pathname}${target.search}`,
      headers,
      createConnection: () => socket,
    });
    let sentAt = performance.now();
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err?: unknown): void => {
      if (done) return;
      done = true;
      ctx.signal.removeEventListener('abort', onAbort);
      result.body = Buffer.concat(chunks).toString('utf8');
      if (err) reject(err);
      else resolve();
    };
    const onAbort = (): void => {
      req.destroy();
      finish(ctx.signal.reason);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    req.once('finish', () => {
      sentAt = performance.now();
    });
    req.once('response', (res: http.IncomingMessage) => {
      result.rttMs = since(sentAt);
      result.responseAt = ctx.now();
      result.status = res.statusCode;
      for (const [k, v] of Object.entries(res.headers))
        if (v !== undefined) result.headers[k] = Array.isArray(v) ? v.join(', ') : v;
      res.on('data', (chunk: Buffer) => {
        if (size + chunk.length > cap) {
          chunks.push(chunk.subarray(0, cap - size));
          size = cap;
          result.truncated = true;
          req.destroy();
          finish();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.once('end', () => finish());
      res.once('aborted', () =>
        finish(
          new ProbeFailure(
            probeError({ kind: 'reset', step: 'http', code: 'ECONNRESET' }, msg('probe.http.cut', { size })),
          ),
        ),
      );
      res.on('error', (err) =>
        finish(
          new ProbeFailure(
            probeError(
              { kind: 'reset', step: 'http', code: (err as NodeJS.ErrnoException).code ?? 'ECONNRESET' },
              msg('probe.http.cut', { size }),
            ),
          ),
        ),
      );
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? 'EHTTP';
      if (code.startsWith('HPE_')) {
        finish(
          new ProbeFailure(
            probeError({ kind: 'http', step: 'http', code }, msg('probe.http.invalid', { error: err.message })),
          ),
        );
      } else if (code === 'ECONNRESET' || code === 'EPIPE') {
        finish(
          new ProbeFailure(
            probeError(
              { kind: 'reset', step: 'http', code: 'ECONNRESET' },
              result.status === undefined ? msg('probe.http.closed') : msg('probe.http.cut', { size }),
            ),
          ),
        );
      } else {
        finish(new ProbeFailure(probeError({ kind: 'http', step: 'http', code }, verbatim(err.message))));
      }
    });
    req.end();
  });
}
