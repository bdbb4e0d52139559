// SOCKS5 CONNECT (RFC 1928, user/password per RFC 1929) on an open socket, as Go's socks dialer
// does it for HTTPS_PROXY=socks5://...: host names go to the proxy unresolved. The socket is handed
// back ready for TLS or HTTP, with nothing read past the handshake.
import * as net from 'node:net';
import type { MessageKey } from '../i18n/catalog';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

export class Socks5Error extends Error {
  /** `SOCKS_AUTH`, `SOCKS_PROTOCOL`, `SOCKS_<reply code>`, `ECONNRESET`. */
  readonly code: string;
  /** The message as a catalog Message. */
  readonly text: Message;
  constructor(code: string, text: Message) {
    super(render(text, 'en'));
    this.name = 'Socks5Error';
    this.code = code;
    this.text = text;
  }
}

function reply(code: number): Message {
  const key = `probe.socks.reply.${code}`;
  return code >= 1 && code <= 8 ? msg(key as MessageKey) : msg('probe.socks.reply.other', { code });
}

/** Rejects with a Socks5Error (message phrased to follow "the SOCKS5 proxy X"), or with `signal.reason`. */
export async function socks5Connect(
  socket: net.Socket,
  host: string,
  port: number,
  proxy: URL,
  signal: AbortSignal,
): Promise<void> {
  const reader = byteReader(socket, signal, () => new Socks5Error('ECONNRESET', msg('probe.socks.closed')));
  try {
    const user = Buffer.from(decodeURIComponent(proxy.username));
    const pass = Buffer.from(decodeURIComponent(proxy.password));
    const withAuth = user.length > 0 || pass.length > 0;
    socket.write(Buffer.from(withAuth ? [5, 2, 0, 2] : [5, 1, 0]));
    const [version, method] = await reader.read(2);
    if (version !== 5) throw new Socks5Error('SOCKS_PROTOCOL', msg('probe.socks.notSocks'));
    if (method === 2 && withAuth) {
      socket.write(Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([pass.length]), pass]));
      const [, status] = await reader.read(2);
      if (status !== 0) throw new Socks5Error('SOCKS_AUTH', msg('probe.socks.badCredentials'));
    } else if (method !== 0) {
      throw new Socks5Error('SOCKS_AUTH', msg(withAuth ? 'probe.socks.noMethod' : 'probe.socks.wantsCredentials'));
    }
    const kind = net.isIP(host);
    const name = Buffer.from(host);
    const addr =
      kind === 4
        ? Buffer.from([1, ...host.split('.').map(Number)])
        : kind === 6
          ? Buffer.concat([Buffer.from([4]), ipv6Bytes(host)])
          : Buffer.concat([Buffer.from([3, name.length]), name]);
    socket.write(Buffer.concat([Buffer.from([5, 1, 0]), addr, Buffer.from([port >> 8, port & 0xff])]));
    const head = await reader.read(4);
    if (head[1] !== 0) {
      const where = kind === 6 ? `[${host}]:${port}` : `${host}:${port}`;
      throw new Socks5Error(`SOCKS_${head[1]}`, msg('probe.socks.connect', { where, reply: reply(head[1]!) }));
    }
    const len = head[3] === 1 ? 4 : head[3] === 4 ? 16 : (await reader.read(1))[0]!;
    await reader.read(len + 2); // bound address and port: not needed
  } finally {
    reader.release();
  }
}

/** Reads exact byte counts from a socket during a handshake, then hands the socket on untouched. */
function byteReader(socket: net.Socket, signal: AbortSignal, closed: () => unknown) {
  let buf = Buffer.alloc(0);
  let wake: (() => void) | undefined;
  let failure: unknown;
  const onData = (d: Buffer): void => {
    buf = Buffer.concat([buf, d]);
    wake?.();
  };
  const onGone = (): void => {
    failure ??= closed();
    wake?.();
  };
  socket.on('data', onData);
  socket.on('end', onGone);
  socket.on('close', onGone);
  signal.addEventListener('abort', onGone);
  return {
    async read(n: number): Promise<Buffer> {
      while (buf.length < n) {
        if (signal.aborted) throw signal.reason;
        if (failure) throw failure;
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
      }
      const out = buf.subarray(0, n);
      buf = buf.subarray(n);
      return out;
    },
    release(): void {
      socket.off('data', onData);
      socket.off('end', onGone);
      socket.off('close', onGone);
      signal.removeEventListener('abort', onGone);
      socket.pause();
      if (buf.length > 0) socket.unshift(buf);
      // As node:http does after CONNECT/upgrade: let the next reader's 'data' listener resume the flow.
      (socket as { readableFlowing: boolean | null }).readableFlowing = null;
    },
  };
}

function ipv6Bytes(ip: string): Buffer {
  const [head = '', tail] = ip.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...h, ...new Array<string>(tail === undefined ? 0 : 8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  groups.slice(0, 8).forEach((g, i) => out.writeUInt16BE(parseInt(g, 16) || 0, i * 2));
  return out;
}
