// The ~100 MB Go-shaped release archive of random content the install benchmarks download, built
// once into .cache/bench/install/, and a timed child process.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createReadStream, promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tar from 'tar';
import { REPO } from './cli';

export const NAME = 'go1.99.0';
export const FILE = `${NAME}.linux-amd64.tar.gz`;
const SMALL_FILES = 2000;
const BIG_FILES = 8;
const BIG_FILE_BYTES = 10_400_000;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export interface Archive {
  file: string;
  size: number;
  sha256: string;
  entries: number;
}

/** Builds (once) a Go-shaped tree of random bytes: small "sources" and a few large "binaries". */
export async function archive(): Promise<Archive> {
  const dir = path.join(REPO, '.cache', 'bench', 'install');
  const file = path.join(dir, FILE);
  const meta = path.join(dir, `${FILE}.json`);
  try {
    const m = JSON.parse(await fs.readFile(meta, 'utf8')) as Archive;
    if ((await fs.stat(file)).size === m.size) return { ...m, file };
  } catch {
    // not built yet
  }
  console.log(`building ${file} (once)…`);
  await fs.mkdir(dir, { recursive: true });
  const tree = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-bench-tree-'));
  try {
    const go = path.join(tree, 'go');
    await fs.mkdir(path.join(go, 'bin'), { recursive: true });
    await fs.writeFile(path.join(go, 'bin', 'go'), `#!/bin/sh\necho "go version ${NAME} linux/amd64"\n`, {
      mode: 0o755,
    });
    await fs.writeFile(path.join(go, 'VERSION'), `${NAME}\n`);
    for (let d = 0; d < SMALL_FILES / 50; d++) {
      const sub = path.join(go, 'src', `pkg${d}`);
      await fs.mkdir(sub, { recursive: true });
      for (let i = 0; i < 50; i++)
        await fs.writeFile(path.join(sub, `f${i}.go`), randomBytes(1024 + Math.floor(Math.random() * 15 * 1024)));
    }
    await fs.mkdir(path.join(go, 'pkg', 'tool', 'linux_amd64'), { recursive: true });
    for (let i = 0; i < BIG_FILES; i++)
      await fs.writeFile(path.join(go, 'pkg', 'tool', 'linux_amd64', `tool${i}`), randomBytes(BIG_FILE_BYTES), {
        mode: 0o755,
      });
    await tar.c({ gzip: { level: 1 }, cwd: tree, portable: true, file }, ['go']);
  } finally {
    await fs.rm(tree, { recursive: true, force: true });
  }
  const hash = createHash('sha256');
  for await (const c of createReadStream(file)) hash.update(c as Buffer);
  const m: Archive = {
    file,
    size: (await fs.stat(file)).size,
    sha256: hash.digest('hex'),
    entries: SMALL_FILES + BIG_FILES + 2,
  };
  await fs.writeFile(meta, JSON.stringify(m));
  return m;
}

export interface ChildRun {
  ms: number;
  code: number | null;
  stderr: string;
  stdout: string;
  maxRssKb?: number;
}

export function timed(file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildRun> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, stderr, stdout }));
  });
}

/** The baseline: `curl -o f && sha256sum f && tar xzf f` into a fresh `<work>/curl`. */
export async function curlShaTar(work: string, url: string): Promise<ChildRun> {
  const d = path.join(work, 'curl');
  await fs.rm(d, { recursive: true, force: true });
  await fs.mkdir(d);
  const r = await timed(
    'sh',
    ['-c', `curl -sS -o "$D/f" "$URL" && sha256sum "$D/f" >/dev/null && tar xzf "$D/f" -C "$D"`],
    { D: d, URL: url },
  );
  if (r.code !== 0) throw new Error(`baseline failed: ${r.stderr}`);
  return r;
}
