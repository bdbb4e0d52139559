// Probe steps 1-2: DNS lookup and TCP connect (to the target, or to the proxy when one is used).
import * as dns from 'node:dns';
import * as net from 'node:net';
import {
  hostForRequest,
  ProbeFailure,
  probeError,
  untilAborted,
  type ProbeErrorKind,
  type StepContext,
} from './probeTypes';
import { msg } from '../i18n/message';

export async function resolve(host: string, ctx: StepContext, toProxy: boolean): Promise<string[]> {
  if (net.isIP(host) !== 0) return [host]; // Go does not look up IP literals
  try {
    const lookup = ctx.lookup ?? systemLookup;
    return await untilAborted(lookup(host), ctx.signal);
  } catch (err) {
    if (typeof err === 'symbol') throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'EDNS';
    const text = code === 'ENOTFOUND' ? msg('probe.dns.notFound', { host }) : msg('probe.dns.failed', { host, code });
    throw new ProbeFailure(probeError({ kind: toProxy ? 'netproxy' : 'dns', step: 'dns', code }, text));
  }
}

async function systemLookup(host: string): Promise<string[]> {
  const all = await dns.promises.lookup(host, { all: true, verbatim: true });
  return all.map((a) => a.address);
}

/** Tries each address in turn, as Go's dialer does for one address family. */
export async function connect(
  addresses: string[],
  port: number,
  ctx: StepContext,
  toProxy: boolean,
): Promise<net.Socket> {
  let last: NodeJS.ErrnoException | undefined;
  for (const address of addresses) {
    try {
      return await connectOne(address, port, ctx);
    } catch (err) {
      if (typeof err === 'symbol') throw err;
      last = err as NodeJS.ErrnoException;
    }
  }
  const code = last?.code ?? 'ECONNREFUSED';
  const where =
    addresses.length === 1
      ? `${hostForRequest(addresses[0]!)}:${port}`
      : msg('probe.connect.addresses', { port, addresses: addresses.join(', ') });
  const kind: ProbeErrorKind = toProxy
    ? 'netproxy'
    : code === 'ETIMEDOUT'
      ? 'timeout'
      : code === 'ECONNRESET'
        ? 'reset'
        : 'refused';
  const text =
    code === 'ECONNREFUSED'
      ? msg('probe.connect.refused', { where })
      : code === 'ETIMEDOUT'
        ? msg('probe.connect.timeout', { where })
        : msg('probe.connect.failed', { where, code });
  throw new ProbeFailure(probeError({ kind, step: 'connect', code }, text));
}

function connectOne(host: string, port: number, ctx: StepContext): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (ctx.signal.aborted) return reject(ctx.signal.reason);
    const socket = net.connect({ host, port });
    ctx.sockets.push(socket);
    const onAbort = (): void => {
      socket.destroy();
      reject(ctx.signal.reason);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    const onError = (err: Error): void => {
      ctx.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(err);
    };
    socket.once('connect', () => {
      ctx.signal.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      socket.on('error', () => undefined); // later errors surface in the next step
      resolve(socket);
    });
    socket.on('error', onError);
  });
}
