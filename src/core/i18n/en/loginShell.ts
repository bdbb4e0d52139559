export const loginShell = {
  'loginShell.title': 'The editor lacks settings your login shell has',
  'loginShell.detail':
    "`{shell} -lic env` shows {list}, but this editor's environment does not. An editor started from the Dock or Finder does not inherit the login shell's environment, so it and the go it runs miss what your shell profile sets, while the same go in a terminal has it. Store go settings in the go env file with `go env -w` (every go reads it, however it was started), or start the editor from a terminal (`code .`) so it inherits the shell's PATH and proxy variables.",
  'loginShell.diff.path': 'PATH entries {dirs}',
  'loginShell.diff.missing': '{name}={value}',
  'loginShell.diff.other': '{name}={value} (the editor has {editorValue})',
  'loginShell.fix.goEnvW': 'Store {name} in the go env file',
} as const;
