// Small assertions the check tests share, and a pool of servers closed after each test.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import type { StartedServer } from './servers';

export const ids = (fs: Finding[]): string[] => fs.map((f) => f.id);

/** The one finding with this id (fails when there are none or several). */
export const only = (fs: Finding[], id: string): Finding => {
  const hits = fs.filter((f) => f.id === id);
  assert.equal(hits.length, 1, `expected one ${id} in ${JSON.stringify(ids(fs))}`);
  return hits[0]!;
};

/** Call inside a describe(): servers passed to the returned function are closed after each test. */
export function serverPool(): <T extends StartedServer>(s: T) => T {
  const servers: StartedServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return (s) => (servers.push(s), s);
}
