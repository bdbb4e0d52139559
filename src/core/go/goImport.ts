// Where `direct` finds a module's repository, as cmd/go's vcs.RepoRootForImportPath decides it:
// hosts it knows (github.com, bitbucket.org) and paths naming a `.git` repository go straight to
// it; every other path is asked `https://<path>?go-get=1` for a `<meta name="go-import">` tag.

export type Origin = { kind: 'repo'; host: string; repoUrl: string } | { kind: 'goGet'; host: string; url: string };

export interface GoImport {
  prefix: string;
  vcs: string;
  repoRoot: string;
}

/** Hosts cmd/go maps to a git repository without asking them (host/owner/repo). */
const KNOWN_HOSTS = ['github.com', 'bitbucket.org'];

export function originOf(modulePath: string): Origin {
  const parts = modulePath.split('/');
  const host = parts[0]!;
  if (KNOWN_HOSTS.includes(host) && parts.length >= 3)
    return { kind: 'repo', host, repoUrl: `https://${parts.slice(0, 3).join('/')}` };
  const vcsAt = parts.findIndex((p, i) => i > 0 && p.endsWith('.git'));
  if (vcsAt > 0) return { kind: 'repo', host, repoUrl: `https://${parts.slice(0, vcsAt + 1).join('/')}` };
  return { kind: 'goGet', host, url: `https://${modulePath}?go-get=1` };
}

/** The go-import meta tags of an HTML page (cmd/go reads them in <head>; attributes in any order). */
export function parseGoImports(html: string): GoImport[] {
  const out: GoImport[] = [];
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const attrs = new Map<string, string>();
    for (const m of tag.matchAll(/([a-zA-Z-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g))
      attrs.set(m[1]!.toLowerCase(), m[3] ?? m[4] ?? m[5] ?? '');
    if (attrs.get('name') !== 'go-import') continue;
    const f = (attrs.get('content') ?? '').trim().split(/\s+/);
    if (f.length === 3) out.push({ prefix: f[0]!, vcs: f[1]!, repoRoot: f[2]! });
  }
  return out;
}

/** The tag whose prefix is the module path or one of its parents (the longest), as cmd/go matches. */
export function goImportFor(imports: readonly GoImport[], modulePath: string): GoImport | undefined {
  return imports
    .filter((i) => modulePath === i.prefix || modulePath.startsWith(`${i.prefix}/`))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
}
