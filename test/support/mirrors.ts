// Local GOPROXY mirrors for the set-proxy tests, on 127.0.0.1 (servers.ts does the listening):
// each serves a few module versions (@latest, @v/list, .info, .mod), optionally slowly, with a
// fixed error status, over HTTPS with a given certificate, and answers /sumdb/<name>/supported
// (forwarding /sumdb/<name>/* to an upstream checksum database when told to). Also: running the
// set-proxy / restore-proxy CLI, as a real process once src/cli.ts has the subcommands, else
// in-process with captured output.
import * as http from 'node:http';
import * as path from 'node:path';
import type { KeyPair } from './certs';
import { startHttpServer, startHttpsServer, type StartedServer } from './servers';
import { buildCli, runCli } from './cli';
import { UsageError } from '../../src/cli/args';
import type { CliIO, Subcommand } from '../../src/cli/io';
import { restoreProxyCommand, setProxyCommand } from '../../src/cli/setProxy';
import type { Platform } from '../../src/core/platform';

export interface MirrorModule {
  path: string;
  version: string;
  /** The go.mod the mirror serves for it. */
  mod: string;
}

/** The real rsc.io/quote v1.5.2 go.mod (its go.sum line is h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=). */
export const RSC_QUOTE: MirrorModule = {
  path: 'rsc.io/quote',
  version: 'v1.5.2',
  mod: 'module "rsc.io/quote"\n\nrequire "rsc.io/sampler" v1.3.0\n',
};
/** The module the Go sumdb fixture (sumdbFixture.ts) records, with the go.mod its proxy serves. */
export const FIXTURE_TOOLCHAIN: MirrorModule = {
  path: 'golang.org/toolchain',
  version: 'v0.0.1-go1.21.0.linux-amd64',
  mod: 'module golang.org/toolchain\n',
};

export interface MirrorOptions {
  modules?: MirrorModule[];
  /** Wait this long before each answer. */
  delayMs?: number;
  /** Answer every module request with this status. */
  status?: number;
  /** Serve HTTPS with this certificate. */
  cert?: KeyPair;
  /** `/sumdb/<name>/supported` answers `supported` (default 404); with `upstream`, /sumdb/<name>/* is forwarded there. */
  sumdb?: { name: string; supported?: number; upstream?: string };
}

export interface Mirror extends StartedServer {
  /** Every request path, in order. */
  hits: string[];
}

const esc = (p: string) => p.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);

export async function startMirror(o: MirrorOptions = {}): Promise<Mirror> {
  const modules = o.modules ?? [RSC_QUOTE];
  const hits: string[] = [];
  const handler: http.RequestListener = (req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(p);
    const answer = (): void => {
      if (res.destroyed) return;
      if (o.sumdb && p.startsWith(`/sumdb/${o.sumdb.name}/`)) {
        const supported = o.sumdb.supported ?? 404;
        if (p === `/sumdb/${o.sumdb.name}/supported` || supported !== 200 || !o.sumdb.upstream) {
          res.writeHead(p.endsWith('/supported') ? supported : 404, { 'Content-Type': 'text/plain' });
          res.end();
          return;
        }
        forward(`${o.sumdb.upstream}${p}`, res);
        return;
      }
      if (o.status) {
        res.writeHead(o.status, { 'Content-Type': 'text/plain' });
        res.end(`status ${o.status}\n`);
        return;
      }
      for (const m of modules) {
        const prefix = `/${esc(m.path)}/`;
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const json = (doc: unknown) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(doc));
        };
        if (rest === '@latest') return json({ Version: m.version, Time: '2018-02-14T15:44:20Z' });
        if (rest === '@v/list') {
          res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(`${m.version}\n`);
          return;
        }
        if (rest === `@v/${esc(m.version)}.info`) return json({ Version: m.version, Time: '2018-02-14T15:44:20Z' });
        if (rest === `@v/${esc(m.version)}.mod`) {
          res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(m.mod);
          return;
        }
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found\n');
    };
    if (o.delayMs) setTimeout(answer, o.delayMs);
    else answer();
  };
  const server = o.cert ? await startHttpsServer(handler, o.cert) : await startHttpServer(handler);
  return { ...server, hits };
}

function forward(url: string, res: http.ServerResponse): void {
  http
    .get(url, (up) => {
      res.writeHead(up.statusCode ?? 502, { 'Content-Type': up.headers['content-type'] ?? 'application/octet-stream' });
      up.pipe(res);
    })
    .on('error', () => {
      res.writeHead(502);
      res.end();
    });
}

// ---------------------------------------------------------------------------------------------
// Running the CLI.

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** How it ran: a real `node dist/cli.js` process, or the Subcommand called in-process. */
  how: 'process' | 'in-process';
}

/**
 * `go-env-doctor set-proxy|restore-proxy <args>` with exactly `env` (HOME must be set) and cwd.
 * `inProcess` skips the process start (~0.3 s each on a busy machine) where only the command's
 * own behaviour is under test.
 */
export async function runProxyCli(
  command: 'set-proxy' | 'restore-proxy',
  args: string[],
  opts: { env: NodeJS.ProcessEnv; cwd?: string; inProcess?: boolean },
): Promise<CliResult> {
  const cwd = opts.cwd ?? opts.env['HOME']!;
  if (!opts.inProcess) {
    await buildCli();
    const r = await runCli([command, ...args], { env: opts.env, cwd, timeoutMs: 60_000 });
    return { code: r.code, stdout: r.stdout, stderr: r.stderr, how: 'process' };
  }
  return runInProcess(command === 'set-proxy' ? setProxyCommand : restoreProxyCommand, command, args, opts.env, cwd);
}

async function runInProcess(
  cmd: Subcommand,
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const platform: Platform = {
    env,
    homeDir: env['HOME']!,
    os: process.platform,
    arch: process.arch,
    now: () => Date.now(),
  };
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd: path.resolve(cwd),
    platform,
  };
  let code: number;
  try {
    code = await cmd(args, io, new AbortController().signal);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    stderr += `go-env-doctor ${name}: ${err.message}\nRun "go-env-doctor --help" for usage.\n`;
    code = 2;
  }
  return { code, stdout, stderr, how: 'in-process' };
}
