// Download progress for the editor's notification and the CLI's status line: bytes, speed over
// the last few seconds (not since the start, so a stall shows as a falling rate), and ETA.

export interface InstallProgress {
  /** `verify`: re-reading a partial download kept from an earlier run; `extract`: unpacking a zip. */
  phase: 'verify' | 'download' | 'extract';
  bytes: number;
  total: number;
  /** Network throughput over the last ~3 s; 0 while verifying a partial download. */
  bytesPerSec: number;
  /** Seconds left at the current rate; undefined while the rate is unknown. */
  etaSec: number | undefined;
  /** The URL the bytes come from (credentials redacted), or the partial file being re-checked. */
  source: string;
  /** A download from several sources at once: each one's bytes so far and current rate. */
  sources?: SourceShare[];
}

export interface SourceShare {
  /** The source's URL, credentials redacted. */
  label: string;
  bytes: number;
  bytesPerSec: number;
  /** No longer used (slow, stalled, failing or corrupt). */
  dropped?: boolean;
}

const WINDOW_MS = 3000;

export class ProgressMeter {
  private samples: Array<{ t: number; net: number }> = [];
  private net = 0;
  private lastEmit = -Infinity;

  constructor(
    private readonly total: number,
    private readonly emit: ((p: InstallProgress) => void) | undefined,
    private readonly intervalMs = 200,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records `received` new network bytes (0 when replaying) and emits at most every intervalMs. */
  update(
    bytes: number,
    received: number,
    source: string,
    phase: InstallProgress['phase'],
    force = false,
    sources?: SourceShare[],
  ): void {
    if (!this.emit) return;
    const t = this.now();
    if (received > 0) {
      this.net += received;
      this.samples.push({ t, net: this.net });
      while (this.samples.length > 2 && this.samples[0]!.t < t - WINDOW_MS) this.samples.shift();
    }
    if (!force && t - this.lastEmit < this.intervalMs) return;
    this.lastEmit = t;
    const first = this.samples[0];
    const span = first ? (t - first.t) / 1000 : 0;
    const rate = first && span > 0.05 ? (this.net - first.net) / span : 0;
    const etaSec = rate > 0 ? Math.max(0, (this.total - bytes) / rate) : undefined;
    this.emit({
      phase,
      bytes,
      total: this.total,
      bytesPerSec: Math.round(rate),
      etaSec: etaSec === undefined ? undefined : Math.ceil(etaSec),
      source,
      ...(sources ? { sources } : {}),
    });
  }
}
