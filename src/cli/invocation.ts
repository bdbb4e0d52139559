// How to run this CLI again from where the user is. Installed (`npm install -g .`), it is
// `go-env-doctor`; run from a checkout (`npm run doctor`, `node dist/cli.js`), that name is not on
// PATH, so a printed fix says `node /abs/path/dist/cli.js …` instead.
import * as path from 'node:path';
import type { Report } from '../core/report/model';

const NAME = 'go-env-doctor';

/** The command prefix that starts this CLI, from process.argv[1]. */
export function selfInvocation(script: string | undefined): string {
  if (!script) return NAME;
  const base = path.basename(script.replace(/\\/g, '/')).replace(/\.(cmd|ps1|exe)$/i, '');
  if (base === NAME) return NAME;
  const abs = path.resolve(script);
  return `node ${/^[\w./:\\-]+$/.test(abs) ? abs : JSON.stringify(abs)}`;
}

/** The report with every `go-env-doctor …` fix command spelled as `self …`. */
export function withInvocation(report: Report, self: string): Report {
  if (self === NAME) return report;
  const prefix = `${NAME} `;
  return {
    ...report,
    findings: report.findings.map((f) =>
      f.fixes
        ? {
            ...f,
            fixes: f.fixes.map((x) =>
              x.command.startsWith(prefix) ? { ...x, command: `${self} ${x.command.slice(prefix.length)}` } : x,
            ),
          }
        : f,
    ),
  };
}
