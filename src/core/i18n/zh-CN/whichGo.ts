import type { whichGo as en } from '../en/whichGo';

export const whichGo: Record<keyof typeof en, string> = {
  'check.fix.installLatest': '安装最新版 Go（已校验）',
  'check.fix.reinstall': '重新安装 Go {version}（已校验）',
  'check.go.notFound.explicit.title': '配置的 go 可执行文件不存在',
  'check.go.notFound.explicit.detail':
    '{path}（由 --go 或 goEnv.goPath 设置指定）处没有可执行的 go。请修正这个路径，或清空该设置，让 Go Env Doctor 在 PATH 和常见安装位置中查找。',
  'check.go.notFound.title': '找不到 go 可执行文件',
  'check.go.notFound.detail':
    'PATH 中和常见安装位置（{searched}、~/sdk/go*）都没有 go。请安装 Go，或把它的 bin 目录加入 PATH（例如在 shell 配置文件中写入 export PATH="$PATH:/usr/local/go/bin"），然后重启终端或编辑器。',
  'check.go.timeout.title': '`{what}` 在 {ms} ms 内没有结束',
  'check.go.timeout.detail':
    '{go} 卡住了，已被终止。可能的原因有：包装脚本在等待输入、GOROOT 位于无响应的网络驱动器上，或者杀毒软件正在扫描。请在终端中运行 `{go} {args}`，看看它卡在哪里。',
  'check.go.spawn.title': '无法启动 {go}',
  'check.go.spawn.detail':
    '启动失败，错误为 {code}：{message}。请确认它是适用于本机操作系统和架构的 go 可执行文件，并且有执行权限。',
  'check.go.failed.title': '`{what}` 执行失败',
  'check.go.failed.killed': '{go} 被信号 {signal} 终止',
  'check.go.failed.exited': '{go} 退出，状态码为 {code}',
  'check.go.failed.detail.stderr': '{how}：{stderr}。{hint}',
  'check.go.failed.detail.silent': '{how}，stderr 上没有任何输出。{hint}',
  'check.go.failed.envHint': 'go env 文件似乎已损坏：请修正或删除报错中指出的那一行（`go env GOENV` 会显示文件位置）。',
  'check.go.badOutput.title': '`{what}` 的输出不是 go 的输出',
  'check.go.badOutput.detail':
    '期望得到 {expected}，实际得到 {got}。{go} 可能是一个包装脚本，或是另一个名叫 go 的程序；请把 --go / goEnv.goPath 指向真正的 go 可执行文件。',
  'check.go.cancelled.title': '已取消',
  'check.go.cancelled.detail': '在 go 作出应答之前，诊断已被取消。',
  'check.go.ok.title': '{version} {goos}/{goarch}',
  'check.go.ok.detail': '{go}{goroot} 在 {ms} ms 内作出了应答。',
  'check.go.ok.goroot': '（GOROOT {goroot}）',
  'check.go.describe': '{path} 处的 {version}',
  'check.go.versionUnknown': '版本未知',
  'check.go.place.PATH': '在 PATH 中',
  'check.go.place.wellKnown': '常见安装位置',
  'check.go.place.editor': '编辑器设置',
  'check.go.place.pathIndex': 'PATH 第 {n} 项',
  'check.go.all.line': '{go}{real}（{where}{marks}）',
  'check.go.all.marks': '；{marks}',
  'check.go.all.markSep': '；',
  'check.go.all.terminal': '终端运行的是这个',
  'check.go.all.editor': '编辑器运行的是这个（{setting}）',
  'check.go.all.title.one': '本机有 1 个 go 可执行文件',
  'check.go.all.title.many': '本机有 {count} 个 go 可执行文件',
  'check.go.all.none': 'PATH 中和常见安装位置都没有 go 可执行文件。',
  'check.go.shadowed.title': '实际运行的 go 与你预期的不同',
  'check.go.shadowed.older': '终端运行的是 PATH 中排在最前的 {terminal}，但本机还装有 {newer}：旧版本遮蔽了新版本。',
  'check.go.shadowed.editor':
    '编辑器运行的是 {editor}（来自 {setting}），终端运行的是 {terminal}：两边的构建和测试结果可能不同。',
  'check.go.shadowed.detail':
    '{causes}请把你想用的 go 放到 PATH 最前面（写在 shell 配置文件里，这样每个新终端以及从终端启动的编辑器都会一致），或者删除旧版本。',
  'check.go.arch.title': 'go 是为 {goarch} 构建的，而本机是 {native}',
  'check.go.arch.detail':
    '{path} 是 {version} 的 {goos}/{goarch} 版本，在这台 {native} 机器上依靠{emulator}运行：构建更慢；除非用 GOARCH 另行指定，程序都会按 {goarch} 构建；cgo 和竞态检测器（race detector）也可能失败。请安装同一版本的 {goos}/{native} 版本，并删除当前这个。',
  'check.go.arch.emulator.darwin': '苹果的 Rosetta 2 转译',
  'check.go.arch.emulator.win32': '系统自带的 WOW64 模拟',
  'check.go.arch.emulator.linux': '基于 qemu/binfmt 的模拟',
  'check.go.arch.emulator.other': '指令集模拟',
  'check.go.arch.fix': '安装 Go {version} 的 {native} 版本（已校验）',
  'check.go.incomplete.title': '{root} 处的 Go 安装不完整',
  'check.go.incomplete.detail.one': '缺少 {missing}，go 无法构建任何东西。{why}请重新安装这个版本。',
  'check.go.incomplete.detail.many': '缺少 {missing}，go 无法构建任何东西。{why}请重新安装这个版本。',
  'check.go.incomplete.why.win32':
    '在 Windows 上，这通常是杀毒软件隔离了这些文件：请先在杀毒软件中恢复它们，或把 Go 目录排除在扫描之外，再重新安装。',
  'check.go.incomplete.why.other': '这通常是复制不完整或安装被中断所致。',
  'check.env.gorootMismatch.title': 'GOROOT 指向了另一套 Go 安装',
  'check.env.gorootMismatch.detail': '{cause}go 可执行文件会自己找到所属的 GOROOT，请不要设置它。{sources}',
  'check.env.gorootMismatch.otherTree':
    '操作系统环境变量把 GOROOT 设为 {goroot}，但 {go} 属于 {own}：这样 go 会用另一套安装的标准库和工具来构建，导致令人费解的错误（或者悄悄用错版本）。',
  'check.env.gorootMismatch.notTree':
    '操作系统环境变量把 GOROOT 设为 {goroot}，但那里不是 Go 安装目录（没有 bin/go{exe} 和 pkg/tool）：所有构建都会失败。',
};
