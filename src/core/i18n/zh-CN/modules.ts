import type { modules as en } from '../en/modules';

export const modules: Record<keyof typeof en, string> = {
  'modules.fix.repairGoSum': '删除 {module} {version} 的各行，让 go 重新写入经过校验的记录（go mod tidy）',
  'modules.fix.redownload': '重新下载 {module}@{version}（仅此模块）',
  'modules.fix.cleanModcache': '最后手段：清空整个模块缓存（{size}）；go 会重新下载所需的模块',
  'modules.go.spawn': '无法启动 {go}：{error}。',
  'modules.go.timeout': '在 {cwd} 中运行的 `{command}` 没有在 {ms} 毫秒内完成。',
  'modules.go.failed': '在 {cwd} 中运行 `{command}` 失败：{stderr}',
  'modules.go.exitStatus': '退出状态 {code}',
  'modules.redownload.remedy':
    '请在 {cwd} 中运行 `go mod download {module}@{version}` 查看错误。如果仍然失败，`go clean -modcache` 会清空整个模块缓存。',
  'modules.repairGoSum.remedy':
    'go.sum 已恢复原样。请在 {dir} 中运行 `go mod tidy` 查看错误；如果是镜像提供了错误的内容，请先更换 GOPROXY。',
  'modules.progress.removing': '正在从模块缓存中删除 {module}@{version}',
  'modules.progress.downloading': '正在重新下载 {module}@{version}（go mod download）',
  'modules.problem.outOfTime': '校验和数据库没有在 {ms} 毫秒内答复所有记录',
  'modules.problem.noMirror': 'GOPROXY 中没有可以查询的镜像',
  'modules.problem.mirrorStatus': '镜像返回了 HTTP {status}',
  'modules.corrupt.noZiphash': '它的 .ziphash 文件（{path}）不存在或为空',
  'modules.corrupt.ziphashDiffers': '缓存的 .ziphash 为 {cached}，而 go.sum 中记录的是 {goSum}',
  'modules.corrupt.zipUnreadable': '无法读取它的 zip：{error}',
  'modules.corrupt.zipHash': '它缓存的 zip 哈希不是 {hash}',
  'modules.corrupt.dirUnreadable': '无法读取它的目录：{error}',
  'modules.corrupt.dirHash': '它解压后的目录哈希不是 {hash}',
};
