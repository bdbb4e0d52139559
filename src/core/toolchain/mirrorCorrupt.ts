// `toolchain.mirrorCorrupt`: a download source served bytes other than the official ones. The
// install went on without it (the file matched the official SHA-256 in the end); the finding names
// the source and the byte ranges so the user can drop it or report it.
import type { Finding } from '../findings';
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';
import type { CorruptSource } from './corruptionSearch';

export interface CorruptSourceReport extends Finding {
  id: 'toolchain.mirrorCorrupt';
  /** The source's URL, credentials redacted. */
  mirror: string;
  /** Inclusive byte offsets where its bytes differed from the other sources'. */
  ranges: Array<{ from: number; to: number }>;
}

export function corruptSourceReports(corrupt: readonly CorruptSource[], filename: string): CorruptSourceReport[] {
  return corrupt.map((c) => {
    const ranges = c.ranges.map((r) => ({ from: r.start, to: r.end - 1 }));
    const list = ranges.map((r) => `${r.from}-${r.to}`).join(', ');
    return {
      id: 'toolchain.mirrorCorrupt',
      severity: 'warning',
      subject: c.source,
      mirror: c.source,
      ranges,
      ...findingWords(
        msg('mirrorCorrupt.title', { mirror: c.source }),
        msg('mirrorCorrupt.detail', { mirror: c.source, filename, ranges: list }),
      ),
    };
  });
}
