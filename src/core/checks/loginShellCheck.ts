// macOS: an editor started from the Dock lacks what the login shell exports (PATH entries, GOPROXY
// and the other go settings, proxy variables), so the go it runs behaves unlike the same go in a
// terminal. Compared only when this process was not started from a terminal (no TERM): a terminal
// already has the shell's environment, and a non-login shell may differ on purpose.
import type { Finding, Fix } from '../findings';
import { readLoginShellEnv, type LoginShellEnv } from '../go/loginShellEnv';
import { msg, type Message } from '../i18n/message';
import { joined } from '../i18n/join';
import { findingWords, fixWords } from '../i18n/words';
import type { Platform } from '../platform';
import { redact } from '../redact';
import { commandLine } from '../shell/quote';

/** Variables that change what go does. */
const WATCHED = [
  'GOPROXY',
  'GOSUMDB',
  'GOPRIVATE',
  'GONOPROXY',
  'GONOSUMDB',
  'GOFLAGS',
  'GOROOT',
  'GOPATH',
  'GOTOOLCHAIN',
  'GOINSECURE',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'https_proxy',
  'http_proxy',
  'no_proxy',
];
/** The go env file can hold these, so `go env -w` is the fix that works however the editor starts. */
const GO_ENV_W = new Set(['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOFLAGS', 'GOTOOLCHAIN']);

export async function dockEnvFindings(
  p: Pick<Platform, 'os' | 'env'>,
  opts: { timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<Finding[]> {
  if (p.os !== 'darwin' || p.env['TERM']) return [];
  const login = await readLoginShellEnv(p, opts);
  return login ? loginShellFindings(p.env, login) : [];
}

export function loginShellFindings(editor: NodeJS.ProcessEnv, login: LoginShellEnv): Finding[] {
  const differences: Message[] = [];
  const fixes: Fix[] = [];
  const editorDirs = new Set((editor['PATH'] ?? '').split(':'));
  const missingDirs = (login.env['PATH'] ?? '').split(':').filter((d) => d.startsWith('/') && !editorDirs.has(d));
  if (missingDirs.length > 0) differences.push(msg('loginShell.diff.path', { dirs: joined(missingDirs) }));
  for (const name of WATCHED) {
    const want = login.env[name];
    if (want === undefined || want === '' || editor[name] === want) continue;
    const value = redact(want);
    const had = editor[name];
    differences.push(
      had === undefined
        ? msg('loginShell.diff.missing', { name, value })
        : msg('loginShell.diff.other', { name, value, editorValue: redact(had) }),
    );
    // A value holding credentials gets no command line: fixes are shown and logged.
    const showable = GO_ENV_W.has(name) && value === want;
    const command = showable ? commandLine(['go', 'env', '-w', `${name}=${want}`], 'posix') : undefined;
    if (command) fixes.push({ command, ...fixWords(msg('loginShell.fix.goEnvW', { name })) });
  }
  if (differences.length === 0) return [];
  const list = joined(differences, msg('common.list.clauses'));
  return [
    {
      id: 'env.loginShellOnly',
      severity: 'warning',
      ...findingWords(msg('loginShell.title'), msg('loginShell.detail', { shell: login.shell, list })),
      ...(fixes.length ? { fixes } : {}),
    },
  ];
}
