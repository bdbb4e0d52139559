import type { envCheck as en } from '../en/envCheck';

export const envCheck: Record<keyof typeof en, string> = {
  'check.env.whereOsVarsComeFrom':
    '它通常来自 shell 配置文件（~/.bashrc、~/.zshrc、~/.profile）、系统环境（/etc/environment，或 Windows 的“系统属性 → 环境变量”），或 VS Code 设置（go.toolsEnvVars、terminal.integrated.env.*）。',
  'check.env.sourceNote': '（在操作系统环境中设置，`go env -w` 无法覆盖）',
  'check.env.overridden.title': '环境变量 {name} 覆盖了 go env 文件中的设置',
  'check.env.overridden.detail':
    '{name} 在操作系统环境中为“{osValue}”，在 {file} 中为“{fileValue}”。环境变量优先，所以文件中的值（以及任何 `go env -w {name}=…`）都不起作用。{where}请在那里删除它，交由 go env 文件决定，或者让两处保持一致。{windows}',
  'check.env.fix.removeOsVar': '从操作系统环境中删除 {name}',
  'check.env.fix.defaultProxy': '使用默认的模块代理',
  'check.env.proxyOff.title': '模块下载已关闭（GOPROXY=off）',
  'check.env.proxyOff.detail':
    'GOPROXY 为“{goproxy}”{source}：go 命令拒绝下载任何模块或工具链，只用模块缓存构建。对于物理隔离的机器，这样设置是对的；否则请设置模块代理。',
  'check.env.proxyOffLater.title': 'GOPROXY 以“off”结尾',
  'check.env.proxyOffLater.detail': '在 {entries} 之后，go 命令会直接停止，不再尝试其他来源。',
  'check.env.proxyInvalid.title': 'GOPROXY 条目“{entry}”无效',
  'check.env.proxyInvalid.detail':
    'GOPROXY 为“{goproxy}”{source}；其中“{entry}”无效，原因：{reason}。go 命令会拒绝整个列表，因此所有模块下载都会失败。每个条目应是 URL（如 https://goproxy.cn）或关键字 direct、off，条目之间用“,”或“|”分隔。',
  'check.env.proxyList.title': 'go 命令将如何使用 GOPROXY',
  'check.env.proxyList.detail':
    '{description}。“,”之后的条目只在模块未找到（404 或 410）时才会尝试；“|”之后的条目在出现任何错误（包括超时）时都会尝试。所以用“,”分隔时，第一个模块代理无法访问会直接导致下载失败，而不会转向下一个。',
  'check.env.sumdbOff.title': '校验和验证已关闭（GOSUMDB=off）',
  'check.env.sumdbOff.detail':
    'GOSUMDB 已设为 off{source}：新模块不会与 Go 校验和数据库核对，被入侵的模块代理或镜像可以悄无声息地提供被篡改的代码，而且 go 命令会完全拒绝下载工具链。如果你的网络无法访问 sum.golang.org，请改用它的官方镜像 sum.golang.google.cn，或使用会转发校验和数据库的 GOPROXY。',
  'check.env.fix.sumdbOn': '重新开启校验和验证',
  'check.env.fix.sumdbChina': '使用中国大陆可访问的官方校验和数据库镜像',
  'check.env.insecure.title': 'GOINSECURE 允许未经验证的下载',
  'check.env.insecure.detail':
    'GOINSECURE 为“{value}”{source}：匹配它的模块可能通过明文 HTTP 或不校验证书的连接下载。如果是 TLS 错误让你设置了它，请改为修复信任配置（把所在组织的根证书加入 SSL_CERT_FILE 或系统证书库），然后删除它。',
  'check.env.fix.removeInsecure': '删除 GOINSECURE',
  'check.env.insecureFlag.title': 'GOFLAGS 中含有 -insecure',
  'check.env.insecureFlag.detail':
    'GOFLAGS 为“{value}”{source}：从 go 1.17 起，go 命令不再接受 -insecure，每次 `go get` 都会失败并报“-insecure flag is no longer supported; use GOINSECURE instead”。请删除它。仍然保留的 GOINSECURE 同样会关闭这些验证：请改为修复导致 TLS 错误的信任问题（把所在组织的根证书放入 SSL_CERT_FILE 或系统证书库）。',
  'check.env.fix.removeInsecureFlag': '从 GOFLAGS 中删除 -insecure',
  'check.env.ok.title': 'go env 设置一致',
  'check.env.ok.detail':
    'GOPROXY={goproxy}（{proxySource}），GOSUMDB={gosumdb}（{sumdbSource}）；环境变量与 go env 文件没有冲突。',
  'check.env.moduleModeOff.title': '模块模式已关闭：go 会忽略 go.mod',
  'check.env.moduleModeOff.detail':
    '{why}，所以 go 会以 GOPATH 模式构建 {dir}：它的依赖不会被下载，导入会失败并报“cannot find package”。GO111MODULE=off 通常是 GOPATH 时代遗留下来的设置。',
  'check.env.moduleModeOff.auto':
    '在 GOPATH/src 内使用 {version} 且 GO111MODULE={mode}，而 Go 1.13 之前的版本在这里会忽略 go.mod',
  'check.env.moduleModeOff.autoDefault': 'auto（默认值）',
  'check.env.vendorMissing.title': 'GOFLAGS 含有 -mod=vendor，但没有 vendor 目录',
  'check.env.vendorMissing.detail':
    'GOFLAGS={flags} 让 go 用 vendor/ 构建 {dir}，但这个目录不存在：每次构建都会失败并报“inconsistent vendoring”。请用 `go mod vendor` 创建它，或从 GOFLAGS 中删除 -mod=vendor。',
  'check.env.fix.goModVendor': '创建 vendor/（go mod vendor）',
  'check.env.fix.removeFromOs': '从操作系统环境（shell 配置文件）中删除 {name}',
  'check.env.fix.set': '设置 {name}={value}',
  'check.env.fix.reset': '把 {name} 恢复为默认值',
};
