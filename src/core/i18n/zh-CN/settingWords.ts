import type { settingWords as en } from '../en/settingWords';

export const settingWords: Record<keyof typeof en, string> = {
  'setting.goproxy.none': '没有配置任何模块来源',
  'setting.goproxy.direct': '版本控制源站（direct）',
  'setting.goproxy.off': '不再尝试（off：拒绝下载）',
  'setting.goproxy.first': '先尝试 {what}',
  'setting.goproxy.anyError': '出现任何错误时尝试 {what}',
  'setting.goproxy.notFound': '仅当上一个来源找不到该模块（404/410）时尝试 {what}',
  'setting.layer.environment': '操作系统环境',
  'setting.layer.goenv': 'go env 配置文件',
  'setting.layer.goenvFile': 'go env 配置文件 {file}',
  'setting.layer.goroot': '{file}（该 Go 发行版自带的默认值）',
  'setting.layer.unset': '任何一层都没有设置',
  'setting.override':
    '{name} 设置在操作系统环境中：{places}。请在那里删除它（或设成相同的值），然后重启 shell 或编辑器。',
  'setting.override.found': '它设置在 {lines}',
  'setting.override.otherwise':
    '否则请检查 {guesses}，或 VS Code 设置（go.toolsEnvVars、terminal.integrated.env.*）{vscode}',
  'setting.override.probably':
    '它很可能来自 {guesses}，或 VS Code 设置（go.toolsEnvVars、terminal.integrated.env.*）{vscode}',
  'setting.override.win32': 'Windows 环境变量（“系统属性 → 环境变量”）',
  'setting.override.posix':
    'shell 配置文件（~/.bashrc、~/.zshrc、~/.profile）、系统环境（/etc/environment、/etc/profile.d）',
  'setting.override.vscode': '——本进程运行在 VS Code 中，请先检查这些设置',
  'setting.windowsClear':
    '在 cmd 中，`{cmd}` 只对当前窗口有效。不要用 setx 来做这件事：setx 无法删除变量（最多只能存成空值），而且会截断超过 1024 个字符的值。对已保存环境的修改只会影响之后启动的程序，所以请重启 VS Code 和已打开的终端。如果它是为所有用户设置的，请在以管理员身份运行的 PowerShell 中删除：`{machine}`。',
};
