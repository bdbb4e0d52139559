import type { checksumGoSum as en } from '../en/checksumGoSum';

export const checksumGoSum: Record<keyof typeof en, string> = {
  'check.gosum.notCompared': '未比较（只比较最先发现的几行有争议的记录）',
  'check.gosum.noAnswer': '{ms} ms 内没有应答',
  'check.gosum.why.dbMatches':
    '镜像 {mirror} 提供的内容与数据库一致，所以 go.sum 是被手动修改过，或是从别的来源写入的：很可能是上游在数据库记录之后移动了这个标签，而这一行来自一次直接下载。',
  'check.gosum.why.goSumMatches':
    '镜像 {mirror} 提供的内容与 go.sum 一致，而与数据库不一致：是镜像有问题（它提供了数据库从未记录过的内容），而且 go.sum 是在未经验证的情况下写入的。请先把 GOPROXY 换成可信的镜像（go-env-doctor set-proxy --auto），再重新添加这一行。',
  'check.gosum.why.third':
    '镜像 {mirror} 提供的是第三种内容（{hash}），与两者都不一致：镜像也有问题。请先把 GOPROXY 换成可信的镜像（go-env-doctor set-proxy --auto），再重新添加这一行。',
  'check.gosum.why.notCompared': '无法比较镜像提供的内容（{problem}）。',
  'check.gosum.mismatch.title': 'go.sum 中 {module} {version} 的记录与校验和数据库不一致',
  'check.gosum.mismatch.detail':
    '{file}:{line} 记录的 {what} 为 {hash}，但校验和数据库 {db}（签名和证明均已验证）记录的是 {dbHash}。有这一行时，go 命令会拒绝构建（SECURITY ERROR: checksum mismatch）。{why}修复方法：删除这一行，让 go 重新添加一条经过验证的记录（go mod tidy）。',
  'check.gosum.skipped': '有 {n} 行被 GONOSUMDB/GOPRIVATE 匹配，没有查询。',
  'check.gosum.cached': '其中 {n} 行来自之前已验证的记录。',
  'check.gosum.incomplete.title.one': '已用校验和数据库验证 {checked} 行 go.sum 中的 {verified} 行',
  'check.gosum.incomplete.title.many': '已用校验和数据库验证 {checked} 行 go.sum 中的 {verified} 行',
  'check.gosum.incomplete.detail':
    '{files} 个 go.sum 文件中有 {n} 行未经验证：{problem}。{cached}{skipped}运行 `go-env-doctor diagnose --modules` 可以不限时地验证每一行。',
  'check.gosum.incomplete.noRecord': '数据库中没有它们的记录',
  'check.gosum.ok.title.one': '全部 {verified}/{checked} 行 go.sum 都与校验和数据库一致',
  'check.gosum.ok.title.many': '全部 {verified}/{checked} 行 go.sum 都与校验和数据库一致',
  'check.gosum.ok.detail':
    '每一行都与 {db}{via} 的记录做了比较，验证方式与 go 命令相同（已签名的树头、包含证明、一致性证明）。{cached}{skipped}',
  'check.gosum.ok.via': '（通过 {via} 访问）',
  'check.modcache.ok.title': '模块缓存中本项目的 {n} 个模块版本完好无损',
  'check.modcache.ok.detail':
    '{cache} 中每个解压后的目录（以及 zip 文件）的哈希都与 go.sum 和缓存的 .ziphash 一致，检查方式与 `go mod verify` 相同。{absent}',
  'check.modcache.ok.absent': '另有 {n} 个模块版本尚未下载；go 会在需要时获取。',
  'check.modcache.corrupt.title': '模块缓存中 {module}@{version} 的副本已损坏',
  'check.modcache.corrupt.detail':
    '{dir}：{problem}。{files}go 命令会直接用这个目录构建，`go mod verify` 也会失败。修复方法：只重新下载这个模块（会先删除它的目录和缓存的 zip）；只有在这样不管用时，才清空整个缓存。',
  'check.modcache.files': '{label}：{names}{more}。',
  'check.modcache.files.more': ' 等另外 {n} 个',
  'check.modcache.files.changed': '已改动',
  'check.modcache.files.missing': '缺失',
  'check.modcache.files.extra': '多出',
};
