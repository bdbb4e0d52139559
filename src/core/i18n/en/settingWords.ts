// Go settings described for people: what a GOPROXY list does in order, which layer a setting comes
// from, where an OS variable is probably set and how Windows clears it (core/go, core/toolchainPlan,
// core/proxyRewrite, core/shell). `{name}` is a parameter; see ../catalog.ts.
export const settingWords = {
  'setting.goproxy.none': 'no module source is configured',
  'setting.goproxy.direct': 'the version-control origin (direct)',
  'setting.goproxy.off': 'nothing (off: downloads are refused)',
  'setting.goproxy.first': 'try {what}',
  'setting.goproxy.anyError': 'on any error, {what}',
  'setting.goproxy.notFound': 'only if the module is not found there (404/410), {what}',
  'setting.layer.environment': 'the OS environment',
  'setting.layer.goenv': 'the go env file',
  'setting.layer.goenvFile': 'the go env file {file}',
  'setting.layer.goroot': '{file}, the default this Go distribution ships',
  'setting.layer.unset': 'nowhere (no layer sets it)',
  'setting.override':
    '{name} is set in the OS environment: {places}. Remove it there (or set it to the same value) and restart the shell or editor.',
  'setting.override.found': 'it is set in {lines}',
  'setting.override.otherwise':
    'otherwise look at {guesses}, or VS Code settings (go.toolsEnvVars, terminal.integrated.env.*){vscode}',
  'setting.override.probably':
    'it probably comes from {guesses}, or VS Code settings (go.toolsEnvVars, terminal.integrated.env.*){vscode}',
  'setting.override.win32': 'the Windows environment variables (System Properties → Environment Variables)',
  'setting.override.posix':
    'a shell profile (~/.bashrc, ~/.zshrc, ~/.profile), the system environment (/etc/environment, /etc/profile.d)',
  'setting.override.vscode': ' — this process runs under VS Code, so check those first',
  'setting.windowsClear':
    'In cmd, `{cmd}` clears it for that window only. Do not use setx for this: setx cannot remove a variable (at best it stores an empty one) and cuts values longer than 1024 characters. A change to the stored environment reaches only programs started afterwards, so restart VS Code and open terminals. If it is set for all users, remove it from an administrator PowerShell: `{machine}`.',
} as const;
