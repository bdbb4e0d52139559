// The fix for gosum.mismatch: keep a copy of go.sum, remove every line of the disputed module
// version, and let `go mod tidy` add them again, downloaded and verified against the checksum
// database. If go fails, the old go.sum is put back; the copy is the undo either way.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { msg } from '../i18n/message';
import { runGo, type GoRun } from './runGo';

export interface RepairGoSumOptions extends Omit<GoRun, 'cwd'> {
  goSum: string;
  module: string;
  version: string;
  /** Where the old go.sum is kept (the state dir's `gosum-backup`). */
  backupDir: string;
}

export interface GoSumRepair {
  /** The go.sum as it was before; restoreGoSum(this, goSum) undoes the repair. */
  backup: string;
  removed: number;
}

export async function repairGoSum(o: RepairGoSumOptions): Promise<GoSumRepair> {
  const before = await fs.readFile(o.goSum);
  await fs.mkdir(o.backupDir, { recursive: true });
  const backup = path.join(o.backupDir, `go.sum.${new Date().toISOString().replace(/[:.]/g, '-')}.${process.pid}`);
  await fs.writeFile(backup, before);
  const lines = before.toString('utf8').split('\n');
  const kept = lines.filter((l) => {
    const f = l.trim().split(/\s+/);
    return !(f[0] === o.module && (f[1] === o.version || f[1] === `${o.version}/go.mod`));
  });
  await fs.writeFile(o.goSum, kept.join('\n'));
  try {
    await runGo(
      { ...o, cwd: path.dirname(o.goSum) },
      ['mod', 'tidy'],
      msg('modules.repairGoSum.remedy', { dir: path.dirname(o.goSum) }),
    );
  } catch (err) {
    await fs.writeFile(o.goSum, before);
    throw err;
  }
  return { backup, removed: lines.length - kept.length };
}

export async function restoreGoSum(backup: string, goSum: string): Promise<void> {
  await fs.copyFile(backup, goSum);
}
