// What the tests that use the real go command as referee share: a throwaway home for go, and the
// agreement rule (the doctor reports an error exactly when go fails, naming the cause go names).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Finding } from '../../src/core/findings';

/** PATH, HOME and every cache and settings file of go inside `home`; no toolchain switch. */
export function throwawayGo(home: string): NodeJS.ProcessEnv {
  return {
    PATH: '/usr/bin:/bin',
    HOME: home,
    GOPATH: path.join(home, 'gopath'),
    GOMODCACHE: path.join(home, 'modcache'),
    GOCACHE: path.join(home, 'gocache'),
    GOENV: path.join(home, 'goenv'),
    GOFLAGS: '-modcacherw',
    GOTOOLCHAIN: 'local',
  };
}

export interface Expected {
  /** null: go succeeds; else what go's error says and the finding id the doctor must report as an error. */
  fails: null | { go: RegExp; doctor: string };
  /** Findings the doctor must report all the same (warnings that explain a success). */
  alsoReports?: string[] | undefined;
}

export function assertAgreement(s: Expected, go: { ok: boolean; output: string }, findings: Finding[]): void {
  const errors = findings.filter((f) => f.severity === 'error').map((f) => f.id);
  const all = findings.map((f) => `${f.id}:${f.severity}`);
  const context = `go ${go.ok ? 'succeeded' : 'failed'}:\n${go.output.slice(0, 800)}\ndoctor: ${all.join(', ')}`;
  if (s.fails === null) {
    assert.ok(go.ok, `go must succeed here.\n${context}`);
    assert.deepEqual(errors, [], `go succeeds, so the doctor must report no error.\n${context}`);
  } else {
    assert.ok(!go.ok, `go must fail here.\n${context}`);
    assert.match(go.output, s.fails.go, context);
    assert.ok(errors.includes(s.fails.doctor), `the doctor must report ${s.fails.doctor} as an error.\n${context}`);
  }
  for (const id of s.alsoReports ?? [])
    assert.ok(
      findings.some((f) => f.id === id),
      `${id} expected.\n${context}`,
    );
}
