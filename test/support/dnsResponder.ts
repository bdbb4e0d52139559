// A DNS responder on 127.0.0.1 (UDP) for tests that need the real resolver code path: the probes
// ask it through Platform.dnsServers. It answers A and AAAA from a table, NXDOMAIN for names not in
// it, NOERROR with no answer for a type a name lacks, and can hold an answer back for a while.
// The wire format (RFC 1035 §4) is encoded here by hand; only what a stub resolver sends is read.
import * as dgram from 'node:dgram';
import * as net from 'node:net';

export interface DnsName {
  a?: string[];
  aaaa?: string[];
  /** Answer only after this long (a slow resolver); longer than the probe's timeout: a lost answer. */
  delayMs?: number;
}

export interface DnsQuestion {
  name: string;
  type: 'A' | 'AAAA' | number;
}

export interface DnsResponder {
  /** For Platform.dnsServers: `127.0.0.1:<port>`. */
  server: string;
  /** Every question asked, in order. */
  asked: DnsQuestion[];
  close(): Promise<void>;
}

const TYPE_A = 1;
const TYPE_AAAA = 28;
const CLASS_IN = 1;
const NXDOMAIN = 3;
const FORMERR = 1;

export async function startDnsResponder(names: Record<string, DnsName>): Promise<DnsResponder> {
  const socket = dgram.createSocket('udp4');
  const asked: DnsQuestion[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const table = new Map(Object.entries(names).map(([k, v]) => [k.toLowerCase(), v]));
  socket.on('message', (query, from) => {
    const answer = respond(query, table, asked);
    if (!answer) return;
    const send = (): void => socket.send(answer.bytes, from.port, from.address);
    if (!answer.delayMs) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, answer.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    server: `127.0.0.1:${socket.address().port}`,
    asked,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        socket.close(() => resolve());
      }),
  };
}

function respond(
  query: Buffer,
  table: Map<string, DnsName>,
  asked: DnsQuestion[],
): { bytes: Buffer; delayMs?: number } | undefined {
  if (query.length < 12) return undefined;
  const id = query.readUInt16BE(0);
  const rd = query.readUInt16BE(2) & 0x0100;
  const q = readQuestion(query, 12);
  if (!q || query.readUInt16BE(4) !== 1) return { bytes: header(id, rd, FORMERR, 0, 0) };
  const type = q.type === TYPE_A ? 'A' : q.type === TYPE_AAAA ? 'AAAA' : q.type;
  asked.push({ name: q.name, type });
  const question = query.subarray(12, q.end);
  const entry = table.get(q.name.toLowerCase());
  if (!entry) return { bytes: Buffer.concat([header(id, rd, NXDOMAIN, 1, 0), question]) };
  const addresses = (q.type === TYPE_A ? entry.a : q.type === TYPE_AAAA ? entry.aaaa : undefined) ?? [];
  const records = addresses.map((a) => record(q.type, q.type === TYPE_A ? ipv4(a) : ipv6(a)));
  return {
    bytes: Buffer.concat([header(id, rd, 0, 1, records.length), question, ...records]),
    ...(entry.delayMs ? { delayMs: entry.delayMs } : {}),
  };
}

/** QR=1, the query's RD, RA=1 and `rcode`; one question echoed, `answers` records, nothing else. */
function header(id: number, rd: number, rcode: number, questions: number, answers: number): Buffer {
  const h = Buffer.alloc(12);
  h.writeUInt16BE(id, 0);
  h.writeUInt16BE(0x8000 | rd | 0x0080 | rcode, 2);
  h.writeUInt16BE(questions, 4);
  h.writeUInt16BE(answers, 6);
  return h;
}

function readQuestion(b: Buffer, offset: number): { name: string; type: number; end: number } | undefined {
  const labels: string[] = [];
  let i = offset;
  for (;;) {
    if (i >= b.length) return undefined;
    const len = b[i]!;
    i++;
    if (len === 0) break;
    if (len > 63 || i + len > b.length) return undefined; // no compression in a question
    labels.push(b.toString('latin1', i, i + len));
    i += len;
  }
  if (i + 4 > b.length || b.readUInt16BE(i + 2) !== CLASS_IN) return undefined;
  return { name: labels.join('.'), type: b.readUInt16BE(i), end: i + 4 };
}

/** An answer for the question's name (a pointer to offset 12), TTL 60. */
function record(type: number, rdata: Buffer): Buffer {
  const r = Buffer.alloc(12);
  r.writeUInt16BE(0xc00c, 0);
  r.writeUInt16BE(type, 2);
  r.writeUInt16BE(CLASS_IN, 4);
  r.writeUInt32BE(60, 6);
  r.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([r, rdata]);
}

function ipv4(a: string): Buffer {
  if (net.isIPv4(a) === false) throw new Error(`${a} is not an IPv4 address`);
  return Buffer.from(a.split('.').map(Number));
}

function ipv6(a: string): Buffer {
  if (!net.isIPv6(a)) throw new Error(`${a} is not an IPv6 address`);
  const [head, tail] = a.includes('::') ? a.split('::') : [a, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  const all =
    tail === undefined ? groups(head) : [...groups(head), ...Array<string>(missing).fill('0'), ...groups(tail)];
  const out = Buffer.alloc(16);
  all.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}
