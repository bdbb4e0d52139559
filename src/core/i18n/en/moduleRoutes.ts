export const moduleRoutes = {
  'privateModule.title': 'The private module {prefix} is sent to the public proxy and checksum database',
  'privateModule.detail':
    '{file}:{line} requires {modules}, which no GOPRIVATE, GONOPROXY or GONOSUMDB pattern covers. So the go command asks the mirror {proxy} for it ({answer}) and the checksum database {db}, which has no record of it: the module path leaks to public services, and {outcome}. Mark your own code as private: append {prefix} to GOPRIVATE, keeping the patterns already there ({existing}); go then fetches it from its origin and does not look it up in the checksum database.',
  'privateModule.answer': 'HTTP {status}',
  'privateModule.outcome.fails': 'the download fails ("{db}: not found", or the mirror\'s 404/410)',
  'privateModule.outcome.leaks':
    'go succeeds here only because go.sum already records it and GOPROXY falls back to direct; a version go.sum does not record yet fails the checksum database lookup',
  'privateModule.existing.none': 'none today',
  'privateModule.fix': 'Add {prefix} to GOPRIVATE',
  'direct.unreachable.title': 'The go command cannot reach {host}, where {module} comes from',
  'direct.unreachable.detail':
    '{why}, so the go command fetches {modules} from its origin. {step} {reason}; go fails at the same step. {remedy}',
  'direct.why.goproxy': 'GOPROXY is "{goproxy}"',
  'direct.why.private': '{module} matches {setting} "{patterns}"',
  'direct.why.fallback':
    'the GOPROXY mirrors answer 404/410 for {module} and the list moves on to direct ("{goproxy}")',
  'direct.step.goGet': 'Asked where the repository is, {url}',
  'direct.step.repo': 'The repository {url}',
  'direct.noGoImport': 'answered HTTP {status} without a go-import meta tag for {module}',
  'direct.remedy.private':
    'Check the route to {host} (VPN, firewall, HTTPS_PROXY and NO_PROXY) and that it serves the repository to you; the go command also needs git and your credentials for it.',
  'direct.remedy.public':
    'Fetch it through a module mirror that serves it (go-env-doctor set-proxy --auto), or make {host} reachable from this machine.',
} as const;
