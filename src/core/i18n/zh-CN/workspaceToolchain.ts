import type { workspaceToolchain as en } from '../en/workspaceToolchain';

export const workspaceToolchain: Record<keyof typeof en, string> = {
  'check.tc.layer.environment': '来自操作系统环境',
  'check.tc.layer.goenv': '来自 go env 文件',
  'check.tc.layer.goroot': '来自默认值（$GOROOT/go.env）',
  'check.tc.layer.unset': '未设置',
  'check.tc.reason.toolchainLine': '{file} 的 toolchain 行',
  'check.tc.reason.goLine': '{file} 的 go 行',
  'check.tc.reason.gotoolchain': 'GOTOOLCHAIN 指定了它',
  'check.tc.setting': 'GOTOOLCHAIN={value}，{layer}',
  'check.tc.empty': '（空）',
  'check.tc.plan.title.legacy': '这里运行的是 {local}',
  'check.tc.plan.title.switch': 'go 将切换到 {name}（{reason}；{setting}）',
  'check.tc.plan.title.runs': '这里运行的是 {runs}（{setting}）',
  'check.tc.plan.legacy':
    '{local} 早于工具链切换功能（Go 1.21）：它会忽略 GOTOOLCHAIN，而 go.mod 中的 toolchain 行会让构建失败并报“unknown directive: toolchain”。更高的 go 行不会被强制执行；只有代码用到新特性的地方才会构建失败。',
  'check.tc.plan.source': 'GOTOOLCHAIN={value}，来自 {layer}。',
  'check.tc.plan.fileSays': '{file} 中写的是 {lines}。',
  'check.tc.plan.fileSilent': '{file} 中没有写任何版本信息。',
  'check.tc.plan.trace': 'go 自己的跟踪输出（GODEBUG=toolchaintrace=1 go version）：{lines}',
  'check.tc.avail.inPath': '{name} 在 PATH 中（{file}），所以 go 会直接运行它，无需下载。',
  'check.tc.avail.cached': '{name} 已在模块缓存中（{dir}）。',
  'check.tc.avail.downloadable': 'go 会从 {source} 下载它，并用校验和数据库 {database} 验证。',
  'check.tc.avail.unavailable': '无法获取 {name}：{answers}{sumdb}。',
  'check.tc.answerSep': '；',
  'check.tc.sumdbAnswer': '；{text}',
  'check.tc.fix.installFirst': '安装 Go {version}（已校验），并把它的 bin 目录放到 PATH 最前面',
  'check.tc.fix.removeEnv': '从操作系统环境（shell 配置文件或系统设置）中删除 GOTOOLCHAIN；go env -w 无法覆盖它',
  'check.tc.fix.allowSwitch': '允许 go 切换工具链（在 go env 文件中设置 GOTOOLCHAIN=auto）',
  'check.tc.fix.setAuto': '设置 GOTOOLCHAIN=auto',
  'check.tc.fix.workingMirror': '改用可用的 GOPROXY 镜像',
  'check.tc.forbidden.title': '{kind} 需要 go >= {need}，但 {setting} 让 go 停留在 {runs}',
  'check.tc.forbidden.detail':
    '{file}:{line} 写的是“go {value}”，但 {why}。这里的每条 go 命令都会停止并报“go: {kind} requires go >= {need} (running go {running}; GOTOOLCHAIN={gotoolchain})”。请安装并使用 Go {install}，或者{alternative}。',
  'check.tc.forbidden.why.default':
    '{file} 中的“toolchain default”会始终使用配置的工具链（{runs}），无论 GOTOOLCHAIN 允许什么',
  'check.tc.forbidden.why.setting': 'GOTOOLCHAIN={value}（设置于 {layer}）{what}',
  'check.tc.forbidden.pins': '固定使用 {runs}',
  'check.tc.forbidden.noSwitch': '禁止切换到更新的工具链',
  'check.tc.forbidden.removeDefault': '删除“toolchain default”这一行',
  'check.tc.forbidden.letSwitch': '允许 go 切换工具链',
  'check.tc.unavailable.title': 'go 需要 {name}，但无法获取：构建将失败并报“toolchain not available”',
  'check.tc.unavailable.detail.pathOnly':
    'go 将切换到 {name}（{reason}），但 GOTOOLCHAIN 以 path 结尾，所以它只在 PATH 中查找，而 {answers}{sumdb}。go 将停止并报“{goSays}”。请用 go-env-doctor 安装 {name}（已校验），并把它的 bin 目录放到 PATH 最前面，这样运行的 go 本身就足够新。',
  'check.tc.unavailable.detail.noSource':
    'go 将切换到 {name}（{reason}），但没有任何来源提供它：{answers}{sumdb}。go 将停止并报“{goSays}”。请用 go-env-doctor 安装 {name}（已校验），并把它的 bin 目录放到 PATH 最前面，这样运行的 go 本身就足够新；或者修复出错的 GOPROXY 条目。',
  'check.tc.invalid.title.line': 'toolchain 行无效',
  'check.tc.invalid.title.env': 'GOTOOLCHAIN 无效',
  'check.tc.invalid.detail': 'go 的每条命令都会停止并报“go: {invalid}”。{advice}',
  'check.tc.invalid.advice.line': '请把 toolchain 行写成 go1.23.4 这样的正式发布名称，或者删除它。',
  'check.tc.invalid.advice.env':
    'GOTOOLCHAIN 来自 {layer}；请使用 auto、local、path、go1.23.4 这样的名称，或 go1.23.4+auto。',
  'check.tc.trace.title': 'go 表示它运行的是 {actual}；我们预测的是 {predicted}',
  'check.tc.trace.detail':
    '在这个工作区中运行 GODEBUG=toolchaintrace=1 go version 输出了：{lines}。以 Go 自己的回答为准；请把这个差异连同上面的两行输出报告给 Go Env Doctor。',
};
