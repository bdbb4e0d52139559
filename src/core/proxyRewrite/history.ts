// The settings go-env-doctor replaced, saved BEFORE each write so `restore-proxy` can put back
// exactly what was there (a value, an empty value, or nothing at all). A stack per go env file:
// each restore undoes the newest change (set --auto, then --offline, then restore → the mirror list).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { doctorError } from '../errors';
import { msg } from '../i18n/message';
import type { Platform } from '../platform';
import type { FileSetting } from './goEnv';
import { stateDir } from '../stateDir';

export type ChangeKind = 'auto' | 'value' | 'offline';

export interface SavedChange {
  /** ISO time of the change. */
  at: string;
  kind: ChangeKind;
  /** The go env file that was written. */
  envFile: string;
  /** The go binary that wrote it. */
  goPath: string;
  /** Each setting as the file held it before the change. */
  before: Record<string, FileSetting>;
  /** What go-env-doctor wrote. */
  wrote: Record<string, string>;
}

interface HistoryFile {
  version: 1;
  changes: SavedChange[];
}

/** Older changes beyond this many are forgotten. */
const MAX_CHANGES = 20;

export function historyFile(p: Pick<Platform, 'env' | 'homeDir' | 'os'>): string {
  return path.join(stateDir(p), 'proxy-history.json');
}

async function load(file: string): Promise<HistoryFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, changes: [] };
    throw doctorError(
      'state.unreadable',
      msg('proxyRewrite.state.unreadable.message', { file, error: (err as Error).message }),
      msg('proxyRewrite.state.unreadable.remedy'),
      err,
    );
  }
  try {
    const doc = JSON.parse(text) as HistoryFile;
    if (doc.version !== 1 || !Array.isArray(doc.changes) || !doc.changes.every(isSavedChange))
      throw new Error('unexpected content');
    return doc;
  } catch (err) {
    throw doctorError(
      'state.corrupt',
      msg('proxyRewrite.state.corrupt.message', { file, error: (err as Error).message }),
      msg('proxyRewrite.state.corrupt.remedy'),
      err,
    );
  }
}

function isSavedChange(c: unknown): c is SavedChange {
  const x = c as SavedChange;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.envFile === 'string' &&
    typeof x.goPath === 'string' &&
    typeof x.at === 'string' &&
    typeof x.before === 'object' &&
    x.before !== null &&
    Object.values(x.before).every(
      (s) =>
        typeof s === 'object' &&
        s !== null &&
        (s.inFile === false || (s.inFile === true && typeof s.value === 'string')),
    ) &&
    typeof x.wrote === 'object' &&
    x.wrote !== null &&
    Object.values(x.wrote).every((v) => typeof v === 'string')
  );
}

/** Written to a temp file and renamed, so a crash never leaves half a file; private (values may hold credentials). */
async function save(file: string, doc: HistoryFile): Promise<void> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(doc, null, 2) + '\n', { mode: 0o600 });
    await fs.rename(tmp, file);
  } catch (err) {
    throw doctorError(
      'state.unwritable',
      msg('proxyRewrite.state.unwritable.message', { file, error: (err as Error).message }),
      msg('proxyRewrite.state.unwritable.remedy'),
      err,
    );
  }
}

/** Loads the history, lets `edit` change it, and saves it unless `edit` returns false. */
async function updateHistory(
  p: Pick<Platform, 'env' | 'homeDir' | 'os'>,
  edit: (doc: HistoryFile) => boolean,
): Promise<void> {
  const file = historyFile(p);
  const doc = await load(file);
  if (!edit(doc)) return;
  return save(file, doc);
}

export async function pushChange(p: Pick<Platform, 'env' | 'homeDir' | 'os'>, change: SavedChange): Promise<void> {
  return updateHistory(p, (doc) => {
    doc.changes.push(change);
    if (doc.changes.length > MAX_CHANGES) doc.changes.splice(0, doc.changes.length - MAX_CHANGES);
    return true;
  });
}

/** The newest saved change to `envFile`, if any. */
export async function latestChange(
  p: Pick<Platform, 'env' | 'homeDir' | 'os'>,
  envFile: string,
): Promise<SavedChange | undefined> {
  const doc = await load(historyFile(p));
  for (let i = doc.changes.length - 1; i >= 0; i--) if (doc.changes[i]!.envFile === envFile) return doc.changes[i];
  return undefined;
}

/** Forgets `change` (after it was undone, or when the write it prepared for failed). */
export async function dropChange(p: Pick<Platform, 'env' | 'homeDir' | 'os'>, change: SavedChange): Promise<void> {
  return updateHistory(p, (doc) => {
    const i = doc.changes.findIndex(
      (c) =>
        c.at === change.at && c.envFile === change.envFile && JSON.stringify(c.wrote) === JSON.stringify(change.wrote),
    );
    if (i === -1) return false;
    doc.changes.splice(i, 1);
    return true;
  });
}
