export const directCheck = {
  'check.direct.vcsMissing.title': 'git is not on PATH, but the go command will need it',
  'check.direct.vcsMissing.detail':
    '{why}, which the go command fetches with git; git is not on PATH ({path}), so those downloads fail with `exec: "git": executable file not found in $PATH`. Install git (or add its directory to PATH), or fetch public modules through a module proxy.',
  'check.direct.vcsMissing.why.onlyDirect': 'GOPROXY is "{goproxy}", so every module comes from its origin',
  'check.direct.vcsMissing.why.private': 'modules matching {variable} "{patterns}" come from their origins',
  'check.direct.vcsMissing.why.fallback': 'GOPROXY falls back to direct for modules the proxies do not have',
  'check.direct.vcsMissing.noPath': 'PATH is not set',
  'check.direct.fix.installGitXcode': 'Install git (Xcode command line tools)',
  'check.direct.fix.installGit': 'Install git',
} as const;
