// Settings that turn a module into something go will not build as one: module mode off
// (GO111MODULE), or -mod=vendor in GOFLAGS with no vendor directory.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Finding, Fix } from '../findings';
import { parseGoVersion, type GoVersion } from '../goVersion';
import { parseGoModDeps } from '../proxyRewrite/goModRequires';
import type { EnvEntry } from '../report/model';
import { setGoEnvFix, unsetGoEnvFix } from './fixes';
import { msg } from '../i18n/message';
import { findingWords, fixWords } from '../i18n/words';

export interface ModuleModeInput {
  goModFiles: readonly string[];
  env: Record<string, EnvEntry>;
  /** `go1.19.8`; the rules for GO111MODULE changed in 1.13 and 1.16. */
  version?: string | undefined;
  os: NodeJS.Platform;
}

const inside = (dir: string, parent: string) => {
  const rel = path.relative(parent, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Whether go runs in GOPATH mode for a module at `dir`, following cmd/go: `off` always; `auto`
 * (the default before 1.16) ignored go.mod inside GOPATH/src before 1.13 and honours it after.
 */
export function modulesOffFor(
  dir: string,
  mode: string,
  v: GoVersion | undefined,
  gopath: string,
  os: NodeJS.Platform,
) {
  if (mode === 'off') return true;
  if (mode === 'on' || !v) return false;
  const before = (minor: number) => v.major === 1 && v.minor < minor;
  if (mode === '' && !before(16)) return false;
  if (mode !== 'auto' && mode !== '') return false;
  if (!before(13)) return false;
  const list = gopath.split(os === 'win32' ? ';' : ':').filter(Boolean);
  return list.some((g) => inside(dir, path.join(g, 'src')));
}

/** How to undo a go env setting: in the go env file, or (when set there) the OS environment. */
function resetFix(name: string, entry: EnvEntry | undefined, value?: string): Fix {
  if (entry?.source === 'environment')
    return { command: `unset ${name}`, ...fixWords(msg('check.env.fix.removeFromOs', { name })) };
  if (value !== undefined) return setGoEnvFix(name, value, msg('check.env.fix.set', { name, value }));
  return unsetGoEnvFix(name, msg('check.env.fix.reset', { name }));
}

export async function moduleModeFindings(input: ModuleModeInput): Promise<Finding[]> {
  const out: Finding[] = [];
  const v = input.version ? parseGoVersion(input.version) : undefined;
  const mode = input.env['GO111MODULE']?.value ?? '';
  const gopath = input.env['GOPATH']?.value ?? '';
  const flags = (input.env['GOFLAGS']?.value ?? '').split(/\s+/);
  const vendorFlag = flags.some((f) => /^--?mod=vendor$/.test(f));
  for (const file of input.goModFiles) {
    const dir = path.dirname(file);
    if (modulesOffFor(dir, mode, v, gopath, input.os)) {
      const why =
        mode === 'off'
          ? 'GO111MODULE=off'
          : msg('check.env.moduleModeOff.auto', {
              mode: mode || msg('check.env.moduleModeOff.autoDefault'),
              version: input.version ?? '',
            });
      out.push({
        id: 'env.moduleModeOff',
        severity: 'error',
        ...findingWords(msg('check.env.moduleModeOff.title'), msg('check.env.moduleModeOff.detail', { why, dir })),
        subject: 'GO111MODULE',
        fixes: [
          resetFix('GO111MODULE', input.env['GO111MODULE'], v && v.major === 1 && v.minor < 16 ? 'on' : undefined),
        ],
      });
    }
    if (!vendorFlag) continue;
    const [hasVendor, text] = await Promise.all([
      fs.stat(path.join(dir, 'vendor')).then(
        (s) => s.isDirectory(),
        () => false,
      ),
      fs.readFile(file, 'utf8').catch(() => ''),
    ]);
    // Without requirements there is nothing to vendor, and go accepts the missing directory.
    if (hasVendor || parseGoModDeps(text).requires.length === 0) continue;
    out.push({
      id: 'env.vendorMissing',
      severity: 'warning',
      ...findingWords(
        msg('check.env.vendorMissing.title'),
        msg('check.env.vendorMissing.detail', { flags: input.env['GOFLAGS']?.value ?? '', dir }),
      ),
      subject: 'GOFLAGS',
      fixes: [
        { command: `cd ${dir} && go mod vendor`, ...fixWords(msg('check.env.fix.goModVendor')) },
        resetFix('GOFLAGS', input.env['GOFLAGS']),
      ],
    });
  }
  return out;
}
