import type { envPath as en } from '../en/envPath';

export const envPath: Record<keyof typeof en, string> = {
  'check.env.path.edit':
    '请在“设置 → 系统 → 系统信息 → 高级系统设置 → 环境变量”中编辑 PATH（用户 PATH 和系统 PATH 会合并生效），然后重启 VS Code 和已打开的终端。',
  'check.env.path.tooLong.title': 'PATH 长达 {length} 个字符，超出了 cmd.exe 的处理上限',
  'check.env.path.tooLong.detail':
    'PATH 长 {length} 个字符，而 cmd.exe 的命令行最长只有 {limit} 个字符。执行 `set PATH=%PATH%;…` 的批处理文件和安装程序会失败或把 PATH 截短，截断处之后的目录（如果 Go 的 bin 目录排得靠后，也在其中）对它们启动的程序来说就不存在了。请删除已卸载程序的条目和重复的条目。{edit}',
  'check.env.path.quotes.title': 'PATH 条目 {entry} 含有引号',
  'check.env.path.quotes.detail':
    'PATH 条目 {entry} 含有双引号。cmd.exe 和 go 命令会去掉引号，但许多其他程序（包括基于 Node 的编辑器工具）会去找名字里带引号的目录，因而找不到其中的程序。PATH 条目即使含有空格也不需要引号：请删除引号。{edit}',
  'check.env.path.backslash.title': 'PATH 条目 {entry} 以反斜杠结尾',
  'check.env.path.backslash.detail':
    'PATH 条目 {entry} 以反斜杠结尾。按 PATH 查找程序不受影响，但脚本给它加上引号（"{entry}"）时，这个反斜杠会转义结尾的引号，于是程序收到错误的路径，这一行余下的内容也连在了一起。请删除末尾的反斜杠。{edit}',
  'check.env.gobin.title': '用 go install 安装的工具不在 PATH 中',
  'check.env.gobin.detail':
    '{gobin}（{source}）中有 {tools}，但这个目录不在 PATH 中，所以在终端里运行它们会提示“command not found”。请在 shell 配置文件中把它加入 PATH。',
  'check.env.gobin.more': '{tools}，以及另外 {n} 个',
};
