// What `install` prints for a person once a toolchain is in place. See ../catalog.ts.
export const cliInstall = {
  'cli.install.installed': 'Installed {version} in {goroot}',
  'cli.install.run': '  Run it: {command}',
  'cli.install.archiveVerified':
    '  SHA-256 {sha256} verified against the official release index{index}; {size} from {source}',
  'cli.install.indexUrl': ' ({url})',
  'cli.install.moduleZip': '  {size} module zip {module} from {source} ({goproxy})',
  'cli.install.h1Verified.proxy':
    '  {h1} verified against the checksum database {database} (through the GOPROXY mirror): signed tree of {size} records, record {record} proven in it',
  'cli.install.h1Verified.direct':
    '  {h1} verified against the checksum database {database} (directly): signed tree of {size} records, record {record} proven in it',
  'cli.install.note': '  Note: {note}',
  'cli.install.fellBack': '  (The Go release index could not be read, so the toolchain came through GOPROXY instead.)',
  'cli.install.fallback':
    'Fetching the toolchain through GOPROXY={goproxy} instead; it is installed only if the checksum database {database} vouches for it.',
  'cli.install.path.powershell':
    '  Use it in PowerShell: {command}   (for every session: add it to Path in the user environment variables)',
  'cli.install.path.fish': '  Use it in fish: {command}   (fish keeps it for later sessions)',
  'cli.install.path.posix': '  Use it in {shell}: {command}   (for every session: add that line to {rc})',
} as const;
