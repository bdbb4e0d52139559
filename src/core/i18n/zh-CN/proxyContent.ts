import type { proxyContent as en } from '../en/proxyContent';

export const proxyContent: Record<keyof typeof en, string> = {
  'check.proxyContent.from.sumdb': '校验和数据库（{db}）',
  'check.proxyContent.from.sumdbUnnamed': '校验和数据库',
  'check.proxyContent.from.goSum': '已发布的 go.sum 行',
  'check.proxyContent.noAnswer': '没有校验和数据库在 {ms} ms 内应答',
  'check.proxyContent.wrongContent.title': 'GOPROXY 条目 {name} 提供了被篡改的内容',
  'check.proxyContent.wrongContent.detail':
    '{name} 提供的 {what} 的 go.mod 哈希为 {hash}，但{from}记录的是 {truth}（{truthDetail}）。可能是缓存过期，也可能是镜像被篡改。{consequence}千万不要为了绕过这个问题而关闭校验和验证：请换用提供所记录内容的镜像。',
  'check.proxyContent.unverified':
    '对它的校验和验证是关闭的（GOSUMDB=off，或被 GONOSUMDB/GOPRIVATE 匹配），所以 go 命令察觉不到：它会直接用这些未经验证的内容构建。请重新开启验证，并更换镜像。',
  'check.proxyContent.refused':
    '通过这个镜像执行 `go get` 和 `go mod download` 会失败并报“verifying {what}/go.mod: checksum mismatch … SECURITY ERROR”：go 命令拒绝校验和数据库没有记录的内容。{earlier}',
  'check.proxyContent.earlierServes':
    '前面的 GOPROXY 条目能正确提供这个模块，所以只有那个条目缺少的模块，go 才会从这个镜像获取。',
  'check.mirror.fix': '使用已验证的镜像（刚刚检查过：可以访问，且提供的内容与校验和数据库一致）：{mirrors}',
  'check.mirror.filtered.one':
    '配置的模块代理无法访问，而 {names} 应答正常：这是网络被过滤的典型表现（官方主机被屏蔽，国内镜像可以访问），而不是本机出了问题。',
  'check.mirror.filtered.many':
    '配置的模块代理无法访问，而 {names} 都应答正常：这是网络被过滤的典型表现（官方主机被屏蔽，国内镜像可以访问），而不是本机出了问题。',
  'check.mirror.serves.one': '{names} 能正确提供参考模块。',
  'check.mirror.serves.many': '{names} 都能正确提供参考模块。',
};
