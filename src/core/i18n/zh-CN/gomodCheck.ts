import type { gomodCheck as en } from '../en/gomodCheck';

export const gomodCheck: Record<keyof typeof en, string> = {
  'check.gomod.unreadable.title': '无法读取 go.mod',
  'check.gomod.unreadable.detail': '{file}：{error}。',
  'check.gomod.malformed.title': 'go.mod 格式有误',
  'check.gomod.malformed.detail': '{file}:{line}：{problem}。在这一行修正之前，go 命令会拒绝这个模块。',
  'check.gomod.badGo.title': 'go.mod 中的 go 版本“{value}”无效',
  'check.gomod.badGo.detail':
    '{file}:{line}：go 指令需要一个 Go 版本号，例如 1.22 或 1.22.3。修正之前，go 命令会拒绝这个模块。',
  'check.gomod.badToolchain.title': 'go.mod 中的 toolchain“{value}”无效',
  'check.gomod.badToolchain.detail': '{file}:{line}：toolchain 指令需要一个工具链名称，例如 go1.22.3（或 default）。',
  'check.gomod.goTooNew.title': 'go.mod 需要 Go {need}，而当前是 {local}',
  'check.gomod.goTooNew.detail': '{file}:{line} 写的是“go {value}”，比已安装的 {local} 新。{what}',
  'check.gomod.goTooNew.noSwitch':
    '{local} 早于自动切换工具链的功能（Go 1.21），所以它会尝试用自己来构建，然后失败{note}。请安装 {wanted} 或更新的版本。',
  'check.gomod.goTooNew.noSwitchNote': '（它甚至无法识别 toolchain 行）',
  'check.gomod.goTooNew.refuse':
    'GOTOOLCHAIN={mode}，所以 go 命令会拒绝执行：“go.mod requires go >= {release} (running go {local}; GOTOOLCHAIN={mode})”。请安装 {wanted}，或用 GOTOOLCHAIN=auto 允许切换工具链。',
  'check.gomod.goTooNew.download':
    '在 GOTOOLCHAIN={mode} 下，go 命令会通过 GOPROXY（{goproxy}）下载 golang.org/toolchain@v0.0.1-{wanted}.{platform}，并用校验和数据库验证它{outcome}。提前安装 {wanted} 可以省掉这一步。',
  'check.gomod.goTooNew.proxyOff':
    '；但 GOPROXY 中包含“off”，所以这次下载会被拒绝，构建会失败并报“toolchain not available”',
  'check.gomod.goTooNew.mayFail': '；如果该模块代理或校验和数据库无法访问，就会失败并报“toolchain not available”',
  'check.gomod.toolchainNewer.title': 'go.mod 要求使用工具链 {value}',
  'check.gomod.toolchainNewer.switches':
    '{file}:{line}：在 GOTOOLCHAIN={gotoolchain} 下，go 命令会在构建前通过 GOPROXY（{goproxy}）下载 {value}。现在就安装它可以省去这段等待。',
  'check.gomod.toolchainNewer.local': '{file}:{line}：GOTOOLCHAIN=local，因此使用 {local}，toolchain 行会被忽略。',
  'check.gomod.toolchainNewer.old':
    '{file}:{line}：{local} 早于 toolchain 指令（Go 1.21）出现，会报错“unknown directive: toolchain”。请安装更新的 Go。',
  'check.gomod.ok.title': '{local} 满足 go.mod 要求的 Go 版本 {need}',
  'check.gowork.goTooOld.title': 'go.work 写的是 go {workGo}，但 {use} 需要 go {modGo}',
  'check.gowork.goTooOld.detail':
    '{file}:{line} 写的是“go {workGo}”，低于 {goMod}:{modLine} 中的“go {modGo}”。go 会拒绝这个工作区：“go: module {use} listed in go.work file requires go >= {modGo}, but go.work lists go {workGo}”。请在 {dir} 中运行 go work use（它会提高 go 行的版本），或手动改为 go {modGo}。',
  'check.gowork.fix': '把 go.work 的 go 行提高到 {version}',
};
