// Why a go command the referee runs did not give an answer (core/referee/goRuns.ts, referee.ts).
// `{name}` is a parameter; see ../catalog.ts.
export const refereeRuns = {
  'refereeRun.timeout': 'did not finish within {s} s and was stopped',
  'refereeRun.cancelled': 'cancelled',
  'refereeRun.spawn': 'could not start {go}: {error}',
  'refereeRun.wouldDownload':
    'it would download {runs}; add --allow-toolchain-download to let it (into a throwaway cache)',
} as const;
