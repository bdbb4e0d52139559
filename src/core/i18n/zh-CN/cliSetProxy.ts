import type { cliSetProxy as en } from '../en/cliSetProxy';

export const cliSetProxy: Record<keyof typeof en, string> = {
  'cli.setProxy.file.notSet': '配置文件中未设置',
  'cli.setProxy.file.empty': '设置为空值',
  'cli.setProxy.file.uses': '{setting}（go 实际使用 {effective}）',
  'cli.setProxy.file.default': '默认值',
  'cli.setProxy.col.mirror': '镜像',
  'cli.setProxy.col.median': '中位耗时',
  'cli.setProxy.col.verdict': '结论',
  'cli.setProxy.row.fastest': '可用，最快',
  'cli.setProxy.row.healthy': '可用',
  'cli.setProxy.row.rejected': '不可用：{reason}',
  'cli.setProxy.row.unknown': '原因未知',
  'cli.setProxy.checked.one': '已在 {ms} 毫秒内检查 1 个镜像：{healthy} 个可用。',
  'cli.setProxy.checked.many': '已在 {ms} 毫秒内检查 {count} 个镜像：{healthy} 个可用。',
  'cli.setProxy.reference.hash': '每个镜像都必须提供 {module}@{version}，且其 go.mod 的哈希为 {hash}，{detail}。',
  'cli.setProxy.reference': '每个镜像都必须提供 {module}@{version}：{detail}。',
  'cli.setProxy.blocked':
    '没有可用的镜像，因此 GOPROXY 保持不变（{previous}）。上面每一行都说明了原因；运行 `go-env-doctor diagnose` 查看网络详情。',
  'cli.setProxy.cache': '模块缓存：{dir}',
  'cli.setProxy.cache.absent': '模块缓存：{dir}（目录还不存在：没有任何缓存，离线时所有模块都会缺失）',
  'cli.setProxy.goMod.unreadable': '无法读取 {goMod}（{problem}）。',
  'cli.setProxy.goMod.allCached': '{goMod} 依赖的 {count} 个模块都在缓存中。',
  'cli.setProxy.goMod.someMissing':
    '{goMod} 依赖的 {count} 个模块中有 {missing} 个不完整地在缓存中（离线时需要它们的构建会失败）：',
  'cli.setProxy.module.missing': '缺失',
  'cli.setProxy.module.modOnly': '只缓存了 go.mod（没有源码）',
  'cli.setProxy.module.replaced': '（被 {by} 替换）',
  'cli.setProxy.fetch': '请在联网时于 {dir} 中运行 `go mod download` 获取它们。',
  'cli.setProxy.noGoMod': '当前目录不受任何 go.mod 管辖，因此没有检查模块列表。',
  'cli.setProxy.sumdb': '校验和数据库：{message}',
  'cli.setProxy.inFile': '{file} 中的 GOPROXY',
  'cli.setProxy.before': '  修改前：{value}',
  'cli.setProxy.after': '  修改后：{value}',
  'cli.setProxy.dryRun.unchanged': '试运行：go env 配置文件中已经是这个值，不会写入任何内容。',
  'cli.setProxy.dryRun': '试运行：没有写入任何内容。去掉 --dry-run 再运行同一命令即可写入。',
  'cli.setProxy.unchanged': 'go env 配置文件中已经是这个值，没有写入任何内容。',
  'cli.setProxy.written': '已通过 `go env -w` 写入。原来的值已保存；撤销请运行：go-env-doctor restore-proxy',
  'cli.setProxy.otherChanged': '[!] go 在写入时还修改了 {file} 中的 {names}，请检查该文件。',
  'cli.setProxy.override.dryRun':
    '[✗] 这项修改不会生效：操作系统环境变量中设置了 GOPROXY={value}，它的优先级高于 go env 配置文件。',
  'cli.setProxy.override':
    '[✗] 这项修改尚未生效：操作系统环境变量中设置了 GOPROXY={value}，它的优先级高于 go env 配置文件。',
  'cli.restore.nothing': '没有可恢复的内容：{reason}',
  'cli.restore.kept': '（保存的修改记录位于 {file}。）',
  'cli.restore.changedSince':
    '[!] 在 go-env-doctor 写入 {wrote} 之后，GOPROXY 又被改成了 {value}；这个后来的值也已被替换。',
  'cli.restore.override':
    '[!] 操作系统环境变量中的 GOPROXY={value} 仍然决定 go 使用的值（之前也是如此）。{explanation}',
};
