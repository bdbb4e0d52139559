// Checks a parsed policy against its schema: unknown keys, wrong types and bad values are errors
// that name the key and its line. The JSON schema shipped for the editor (schemas/) says the same.
import { parseGoVersion } from '../goVersion';
import type { AcceptedFinding, Policy } from './model';

export interface PolicyProblem {
  path: string;
  message: string;
}

type Shape = 'string' | 'boolean' | 'strings' | 'accepts' | { [key: string]: Shape };

const SHAPE: { [key: string]: Shape } = {
  version: 'string', // checked separately: it is the number 1
  go: { min: 'string', exact: 'string' },
  goproxy: { include: 'strings', exclude: 'strings' },
  goprivate: { cover: 'strings' },
  gosumdb: { notOff: 'boolean' },
  goflags: { forbid: 'strings' },
  gotoolchain: { require: 'string' },
  mirrors: 'strings',
  promote: 'strings',
  accept: 'accepts',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function check(value: unknown, shape: Shape, path: string, out: PolicyProblem[]): void {
  if (shape === 'string') {
    if (typeof value !== 'string') out.push({ path, message: `must be a string` });
  } else if (shape === 'boolean') {
    if (typeof value !== 'boolean') out.push({ path, message: `must be true or false` });
  } else if (shape === 'strings') {
    if (!Array.isArray(value)) out.push({ path, message: `must be a list of strings` });
    else
      value.forEach((v, i) => {
        if (typeof v !== 'string') out.push({ path: `${path}.${i}`, message: 'must be a string' });
      });
  } else if (shape === 'accepts') {
    if (!Array.isArray(value)) out.push({ path, message: 'must be a list of {"id": …, "reason": …}' });
    else
      value.forEach((v, i) => {
        const at = `${path}.${i}`;
        if (!isObject(v)) {
          out.push({ path: at, message: 'must be {"id": …, "reason": …}' });
          return;
        }
        for (const k of Object.keys(v))
          if (k !== 'id' && k !== 'reason') out.push({ path: `${at}.${k}`, message: `unknown key "${k}"` });
        if (typeof v['id'] !== 'string') out.push({ path: at, message: 'needs an "id" (a finding id)' });
        if (typeof v['reason'] !== 'string' || !v['reason'].trim())
          out.push({ path: at, message: 'needs a "reason": accepting a problem must say why' });
      });
  } else {
    if (!isObject(value)) return void out.push({ path, message: 'must be an object' });
    for (const [k, v] of Object.entries(value)) {
      const child = shape[k];
      const at = path ? `${path}.${k}` : k;
      if (!child) out.push({ path: at, message: `unknown key "${k}" (known: ${Object.keys(shape).join(', ')})` });
      else if (at !== 'version') check(v, child, at, out);
    }
  }
}

export function validatePolicy(value: unknown): { policy: Policy } | { problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  if (!isObject(value)) return { problems: [{ path: '', message: 'must be a JSON object' }] };
  if (value['version'] !== 1)
    problems.push({ path: 'version', message: `"version": 1 is required (this tool reads version 1)` });
  check(value, SHAPE, '', problems);
  const go = value['go'];
  if (isObject(go)) {
    for (const k of ['min', 'exact'] as const)
      if (typeof go[k] === 'string' && !parseGoVersion(go[k]))
        problems.push({ path: `go.${k}`, message: `"${go[k]}" is not a Go version (1.22, 1.22.5 or go1.22.5)` });
  }
  for (const id of [...strings(value['promote']), ...accepts(value['accept']).map((a) => a.id)])
    if (!/^[a-z]+\.[A-Za-z]+$/.test(id))
      problems.push({ path: 'promote', message: `"${id}" is not a finding id (like proxy.slow)` });
  return problems.length ? { problems } : { policy: value as unknown as Policy };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const accepts = (v: unknown): AcceptedFinding[] =>
  Array.isArray(v) ? v.filter((x): x is AcceptedFinding => isObject(x) && typeof x['id'] === 'string') : [];
