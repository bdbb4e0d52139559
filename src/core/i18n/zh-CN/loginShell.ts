import type { loginShell as en } from '../en/loginShell';

export const loginShell: Record<keyof typeof en, string> = {
  'loginShell.title': '编辑器缺少登录 shell 中的设置',
  'loginShell.detail':
    '`{shell} -lic env` 显示了 {list}，但本编辑器的环境中没有。从程序坞或访达启动的编辑器不会继承登录 shell 的环境，因此编辑器及其运行的 go 都读不到 shell 配置文件中的设置，而在终端里运行同一个 go 却能读到。请用 `go env -w` 把 go 的设置写入 go env 文件（无论 go 如何启动都会读取），或者在终端中启动编辑器（`code .`），使其继承 shell 的 PATH 和代理变量。',
  'loginShell.diff.path': 'PATH 中的 {dirs}',
  'loginShell.diff.missing': '{name}={value}',
  'loginShell.diff.other': '{name}={value}（编辑器中为 {editorValue}）',
  'loginShell.fix.goEnvW': '将 {name} 写入 go env 文件',
};
