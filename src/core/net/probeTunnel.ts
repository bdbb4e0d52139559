// Probe step through a proxy: TLS to an https:// proxy, then HTTP CONNECT or SOCKS5 to the target.
import type * as net from 'node:net';
import * as http from 'node:http';
import { proxyAuthorization, type ProxySetting } from './netproxy';
import { Socks5Error, socks5Connect } from './socks5';
import { handshake } from './probeTls';
import {
  awaitTrust,
  ProbeFailure,
  probeError,
  unbracket,
  untilAborted,
  USER_AGENT,
  type ProbeOptions,
  type StepContext,
} from './probeTypes';
import { msg } from '../i18n/message';

export async function proxyTls(
  socket: net.Socket,
  proxy: ProxySetting,
  opts: ProbeOptions,
  ctx: StepContext,
): Promise<net.Socket> {
  const trust = await untilAborted(awaitTrust(opts), ctx.signal);
  try {
    return (await handshake(socket, unbracket(proxy.url.hostname), trust, ctx)).socket;
  } catch (err) {
    if (err instanceof ProbeFailure) {
      const { message: _, text, ...info } = err.info;
      throw new ProbeFailure(
        probeError(
          { ...info, kind: 'netproxy', step: 'proxyConnect' },
          msg('probe.proxy.tls', { proxy: proxy.display, error: text }),
        ),
      );
    }
    throw err;
  }
}

/** HTTP CONNECT through the proxy; resolves with the tunnelled socket. */
export function connectTunnel(
  socket: net.Socket,
  authority: string,
  proxy: ProxySetting,
  ctx: StepContext,
): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (ctx.signal.aborted) return reject(ctx.signal.reason);
    const headers: Record<string, string> = { Host: authority, 'User-Agent': USER_AGENT };
    const auth = proxyAuthorization(proxy.url);
    if (auth) headers['Proxy-Authorization'] = auth;
    // ClientRequest, not http.request: VS Code's proxy support replaces http.request in the
    // extension host with one that ignores createConnection.
    const req = new http.ClientRequest({ method: 'CONNECT', path: authority, headers, createConnection: () => socket });
    const onAbort = (): void => {
      req.destroy();
      reject(ctx.signal.reason);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    req.once('connect', (res: http.IncomingMessage, tunnel: net.Socket, head: Buffer) => {
      ctx.signal.removeEventListener('abort', onAbort);
      ctx.sockets.push(tunnel);
      if (res.statusCode !== 200) {
        tunnel.destroy();
        const status = res.statusCode ?? 0;
        const hint =
          status === 407
            ? msg(proxyAuthorization(proxy.url) ? 'probe.proxy.hint.badCredentials' : 'probe.proxy.hint.credentials')
            : status === 403
              ? msg('probe.proxy.hint.forbidden')
              : status === 502 || status === 503 || status === 504
                ? msg('probe.proxy.hint.unreachable', { authority })
                : '';
        const statusText = `${status} ${res.statusMessage ?? ''}`.trim();
        reject(
          new ProbeFailure(
            probeError(
              { kind: 'netproxy', step: 'proxyConnect', code: `HTTP_${status}` },
              msg('probe.proxy.status', { proxy: proxy.display, status: statusText, authority, hint }),
            ),
          ),
        );
        return;
      }
      if (head.length > 0) tunnel.unshift(head);
      resolve(tunnel);
    });
    req.on('error', (err) => {
      ctx.signal.removeEventListener('abort', onAbort);
      reject(
        new ProbeFailure(
          probeError(
            { kind: 'netproxy', step: 'proxyConnect', code: (err as NodeJS.ErrnoException).code ?? 'EPROXY' },
            msg('probe.proxy.dropped', { proxy: proxy.display, error: err.message }),
          ),
        ),
      );
    });
    req.end();
  });
}

/** SOCKS5 CONNECT through the proxy, failures reported as proxy failures. */
export async function socksTunnel(
  socket: net.Socket,
  host: string,
  port: number,
  proxy: ProxySetting,
  ctx: StepContext,
): Promise<net.Socket> {
  try {
    await socks5Connect(socket, host, port, proxy.url, ctx.signal);
    return socket;
  } catch (err) {
    if (err instanceof Socks5Error) {
      throw new ProbeFailure(
        probeError(
          { kind: 'netproxy', step: 'proxyConnect', code: err.code },
          msg('probe.socks', { proxy: proxy.display, error: err.text }),
        ),
      );
    }
    throw err;
  }
}
