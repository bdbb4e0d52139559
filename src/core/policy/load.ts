// Finds `.go-env-doctor.json` the way go finds go.mod: from the working directory up, stopping at
// the repository root (the directory holding .git) or the filesystem root.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../findings';
import { JsonSyntaxError, parseJsonWithLines } from './jsonLines';
import { POLICY_FILE, type LoadedPolicy } from './model';
import { validatePolicy } from './validate';
import { joinFailures } from '../i18n/join';
import { msg, type Param } from '../i18n/message';
import { findingWords } from '../i18n/words';

export async function findPolicyFile(cwd: string): Promise<string | undefined> {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, POLICY_FILE);
    if (await exists(file)) return file;
    if ((await exists(path.join(dir, '.git'))) || path.dirname(dir) === dir) return undefined;
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}

export type PolicyLoad = { kind: 'none' } | ({ kind: 'loaded' } & LoadedPolicy) | { kind: 'invalid'; finding: Finding };

/** The policy governing `cwd`; a file that cannot be read or is not valid becomes `policy.invalid`. */
export async function loadPolicy(cwd: string): Promise<PolicyLoad> {
  const file = await findPolicyFile(cwd);
  if (!file) return { kind: 'none' };
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    return invalid(file, 1, msg('policy.invalid.unreadable', { error: (err as Error).message }));
  }
  let parsed: ReturnType<typeof parseJsonWithLines>;
  try {
    parsed = parseJsonWithLines(text);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    return invalid(file, err.line, msg('policy.invalid.json', { error: err.message }));
  }
  const checked = validatePolicy(parsed.value);
  if ('problems' in checked) {
    const lineOf = (p: string): number => parsed.lines.get(p) ?? 1;
    const all = checked.problems.map((p) =>
      msg('policy.invalid.problem', {
        line: lineOf(p.path),
        path: p.path || msg('policy.invalid.topLevel'),
        problem: p.message,
      }),
    );
    return invalid(file, lineOf(checked.problems[0]!.path), joinFailures(all));
  }
  return { kind: 'loaded', file, policy: checked.policy, lines: parsed.lines };
}

function invalid(file: string, line: number, why: Param): PolicyLoad {
  return {
    kind: 'invalid',
    finding: {
      id: 'policy.invalid',
      severity: 'error',
      ...findingWords(msg('policy.invalid.title'), msg('policy.invalid.detail', { file, why })),
      subject: file,
      location: { file, line },
    },
  };
}
