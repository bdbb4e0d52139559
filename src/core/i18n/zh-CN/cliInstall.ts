import type { cliInstall as en } from '../en/cliInstall';

export const cliInstall: Record<keyof typeof en, string> = {
  'cli.install.installed': '已将 {version} 安装到 {goroot}',
  'cli.install.run': '  运行：{command}',
  'cli.install.archiveVerified': '  SHA-256 {sha256} 已与官方发行版索引{index}核对一致；{size}，来源 {source}',
  'cli.install.indexUrl': '（{url}）',
  'cli.install.moduleZip': '  {size} 模块 zip {module}，来源 {source}（{goproxy}）',
  'cli.install.h1Verified.proxy':
    '  {h1} 已通过 GOPROXY 镜像与校验和数据库 {database} 核对一致：签名树共 {size} 条记录，已证明记录 {record} 在其中',
  'cli.install.h1Verified.direct':
    '  {h1} 已直接与校验和数据库 {database} 核对一致：签名树共 {size} 条记录，已证明记录 {record} 在其中',
  'cli.install.note': '  注意：{note}',
  'cli.install.fellBack': '  （无法读取 Go 发行版索引，因此改为通过模块代理 GOPROXY 获取工具链。）',
  'cli.install.fallback': '改为通过 GOPROXY={goproxy} 获取工具链；只有校验和数据库 {database} 确认后才会安装。',
  'cli.install.path.powershell': '  在 PowerShell 中使用：{command}   （在所有会话中生效：把它加入用户环境变量 Path）',
  'cli.install.path.fish': '  在 fish 中使用：{command}   （fish 会为以后的会话保留）',
  'cli.install.path.posix': '  在 {shell} 中使用：{command}   （在所有会话中生效：把这一行加入 {rc}）',
};
