// Numbers in words for reports, findings and errors: durations, sizes, rates.

/** A probe timing: `850 ms`, `1.2 s`. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** A mirror's median request time, to a tenth below 10 ms: `4.2 ms`, `38 ms`. */
export function formatMedianMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** A configured limit: `500 ms`, `30 s`, `1.5 s` (no trailing `.0`). */
export function formatLimit(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** `12.3 MB` (decimal megabytes, as download sizes are usually quoted). */
export function formatMb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** `10 KB/s` (decimal kilobytes). */
export function formatBytesPerSec(bytesPerSec: number): string {
  return bytesPerSec >= 1e6 ? `${formatMb(bytesPerSec)}/s` : `${Math.round(bytesPerSec / 100) / 10} KB/s`;
}
