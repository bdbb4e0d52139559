export const envPath = {
  'check.env.path.edit':
    'Edit PATH in Settings → System → About → Advanced system settings → Environment Variables (user and system PATH are joined), then restart VS Code and open terminals.',
  'check.env.path.tooLong.title': 'PATH is {length} characters, longer than cmd.exe can handle',
  'check.env.path.tooLong.detail':
    "PATH is {length} characters long; cmd.exe lines are limited to {limit}. Batch files and installers that run `set PATH=%PATH%;…` fail or cut PATH short, and folders past the cut (Go's bin folder among them, if it is late) disappear for whatever they start. Remove entries for uninstalled programs and duplicates. {edit}",
  'check.env.path.quotes.title': 'PATH entry {entry} contains quotes',
  'check.env.path.quotes.detail':
    'The PATH entry {entry} contains double quotes. cmd.exe and the go command strip them, but many other programs (Node-based editor tools among them) search for a folder whose name includes the quote characters and never find the programs in it. PATH entries need no quotes, even with spaces: remove them. {edit}',
  'check.env.path.backslash.title': 'PATH entry {entry} ends with a backslash',
  'check.env.path.backslash.detail':
    'The PATH entry {entry} ends with a backslash. Searching PATH works, but a script that quotes it ("{entry}") passes a backslash that escapes the closing quote, so the program receives a wrong path and the rest of the line run together. Remove the trailing backslash. {edit}',
  'check.env.gobin.title': 'Tools installed with go install are not on PATH',
  'check.env.gobin.detail':
    '{gobin} ({source}) holds {tools}, but it is not on PATH, so a terminal answers "command not found" for them. Add it to PATH in your shell profile.',
  'check.env.gobin.more': '{tools}, and {n} more',
} as const;
