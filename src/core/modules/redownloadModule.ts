// The least destructive fix for modcache.corrupt: remove that one module version from the cache
// (its extracted directory and its download files) and let `go mod download` fetch and verify
// it again. go makes the cache read-only (files 0444, directories 0555), so write permission is
// restored on exactly what is removed. The directory is first renamed aside in one step, so a
// concurrent go either sees the old tree or none (then downloads it itself); removals by two
// doctors are serialized by a lock file next to the version's own.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';
import { acquireLock } from '../toolchain/lock';
import { modulePaths } from './modCache';
import { runGo, type GoRun } from './runGo';

export interface RedownloadOptions extends GoRun {
  gomodcache: string;
  module: string;
  version: string;
  /** Each step in English, and as a Message for other languages. */
  onProgress?: (step: string, text: Message) => void;
}

/** Download files of a version that go rebuilds from the zip (`.info` and `.mod` are kept). */
const DOWNLOAD_EXTS = ['.zip', '.ziphash', '.partial'];

export async function redownloadModule(o: RedownloadOptions): Promise<void> {
  const paths = modulePaths(o.gomodcache, o.module, o.version);
  const base = paths.zip.slice(0, -'.zip'.length);
  const lock = await acquireLock(`${base}.doctor-lock`, { signal: o.signal });
  try {
    progress(o, msg('modules.progress.removing', { module: o.module, version: o.version }));
    await removeTree(paths.dir);
    for (const ext of DOWNLOAD_EXTS) await fs.rm(`${base}${ext}`, { force: true });
  } finally {
    await lock.release();
  }
  progress(o, msg('modules.progress.downloading', { module: o.module, version: o.version }));
  await runGo(
    o,
    ['mod', 'download', `${o.module}@${o.version}`],
    msg('modules.redownload.remedy', { module: o.module, version: o.version, cwd: o.cwd }),
  );
}

/** Removes a read-only tree go extracted: renamed aside, made writable, then deleted. */
export async function removeTree(dir: string): Promise<void> {
  const aside = `${dir}.removing-${process.pid}-${Date.now()}`;
  try {
    await fs.rename(dir, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  await makeWritable(aside);
  await fs.rm(aside, { recursive: true, force: true });
}

async function makeWritable(dir: string): Promise<void> {
  await fs.chmod(dir, 0o755);
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await makeWritable(p);
  }
}

function progress(o: RedownloadOptions, text: Message): void {
  o.onProgress?.(render(text, 'en'), text);
}
