// The diagnosis report: exactly what `go-env-doctor --json` prints (schemaVersion 1).
import type { Finding } from '../findings';

export type EnvSource = 'environment' | 'goenv' | 'default';

export interface EnvEntry {
  value: string;
  source: EnvSource;
}

export interface GoInfo {
  path: string | null;
  /** `go1.22.5`, as `go version` prints it. */
  version: string | null;
  goroot: string | null;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  go: GoInfo;
  env: Record<string, EnvEntry>;
  findings: Finding[];
  durationMs: number;
}
