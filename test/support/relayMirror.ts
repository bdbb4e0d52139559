// A module proxy that relays every request to another one (the Go sumdb fixture), over HTTP or
// HTTPS with a given certificate, optionally altering the go.mod files it serves: a stale or
// tampered mirror that the real go command downloads through. It also answers the doctor's
// reachability probe (golang.org/x/text/@latest), which the fixture does not serve.
import * as http from 'node:http';
import type { KeyPair } from './certs';
import { LATEST_TEXT, startHttpServer, startHttpsServer, type StartedServer } from './servers';

export interface RelayOptions {
  upstream: string;
  cert?: KeyPair;
  /** Append a comment to every .mod served: different bytes, same meaning. */
  alterMod?: boolean;
}

export function startRelayMirror(o: RelayOptions): Promise<StartedServer> {
  const handler: http.RequestListener = (req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    if (p === '/golang.org/x/text/@latest') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(LATEST_TEXT));
      return;
    }
    http
      .get(`${o.upstream}${req.url ?? '/'}`, (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          let body = Buffer.concat(chunks);
          if (o.alterMod && p.endsWith('.mod') && up.statusCode === 200)
            body = Buffer.concat([body, Buffer.from('\n// served from a stale cache\n')]);
          res.writeHead(up.statusCode ?? 502, {
            'Content-Type': up.headers['content-type'] ?? 'application/octet-stream',
            'Content-Length': body.length,
          });
          res.end(body);
        });
      })
      .on('error', () => {
        res.writeHead(502);
        res.end();
      });
  };
  return o.cert ? startHttpsServer(handler, o.cert) : startHttpServer(handler);
}
