import type { dlRoute as en } from '../en/dlRoute';

export const dlRoute: Record<keyof typeof en, string> = {
  'check.dl.what.index': 'Go 版本发布索引',
  'check.dl.what.archive': '{platform} 的归档文件 {file}',
  'check.dl.answeredBy': '（由 {host} 应答）',
  'check.dl.ok.title': '{host} 提供 {what}{answeredBy}',
  'check.dl.ok.detail': '{url}：HTTP {status}，用时 {ms}（{steps}）。',
  'check.dl.notFoundHint': '它没有 {what}：请检查 URL 或版本号。',
  'check.dl.after.index':
    'go-env-doctor install 会从这个索引读取每个归档文件的 SHA-256（读不到任何索引时，会改为通过 GOPROXY 获取 golang.org/toolchain 模块）。',
  'check.dl.after.archive': '从这里下载发布版本会失败；安装程序会尝试下一个镜像或主机。',
  'check.dl.role.index': '发布索引',
  'check.dl.role.archive': '发布归档',
  'check.dl.failed.title': '{host}（{role}）：{short}',
};
