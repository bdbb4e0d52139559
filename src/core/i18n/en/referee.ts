// What the go command did against what the doctor found (core/referee). `{name}` is a parameter;
// see ../catalog.ts.
export const referee = {
  'referee.failed.title': 'go failed: {what}',
  'referee.failed.detail':
    'The go command, run with your environment and a throwaway module cache, failed on {what}: {error}',
  'referee.ok.title': 'The go command agrees',
  'referee.ok.detail': 'With your environment and a throwaway module cache, go did: {done}.',
  'referee.ok.detailVersion': 'With your environment and a throwaway module cache, go did: {done}. {version}.',
  'referee.ran': '{what} ({ms} ms)',
  'referee.skipped': '{what}: not run ({why})',
  'referee.listed': '{id} ({subject})',
  'referee.brokenButWorks.title': 'go downloads modules although we reported the route broken',
  'referee.brokenButWorks.detail':
    "go downloaded {downloaded}, but we reported {findings}. go's success is what counts for builds; the finding may describe an entry go does not reach (it falls through to the next one) or a check that is too strict. Please report it.",
  'referee.fineButFails.title': 'go fails to download modules although our checks passed',
  'referee.fineButFails.detail':
    "go failed on {failed} (see referee.failed), but we found nothing wrong with the route. Our probes ask lighter questions than a download (a proxy can answer @latest and still serve a bad or altered zip); go's error above names the real cause.",
  'referee.fineButFails.detailOk':
    "go failed on {failed} (see referee.failed), but we found nothing wrong with the route: {findings}. Our probes ask lighter questions than a download (a proxy can answer @latest and still serve a bad or altered zip); go's error above names the real cause.",
  'referee.otherGo.title': 'go runs {ran} here; toolchain.plan said {planned}',
  'referee.otherGo.detail':
    'go version in the workspace printed "{output}", but our toolchain.plan predicted {planned}. go\'s answer is the one that counts; please report the difference.',
} as const;
