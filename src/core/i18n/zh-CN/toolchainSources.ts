import type { toolchainSources as en } from '../en/toolchainSources';

export const toolchainSources: Record<keyof typeof en, string> = {
  'tcSource.pathOnly': 'GOTOOLCHAIN 只允许使用 PATH，而 PATH 中没有 {name}',
  'tcSource.off': 'off：拒绝下载',
  'tcSource.invalid': '{entry}：不是有效的 GOPROXY 条目（{reason}）',
  'tcSource.direct': 'direct（{url}）',
  'tcSource.has': '{source}：有',
  'tcSource.status': '{source}：HTTP {status}',
  'tcSource.failed': '{source}：{error}',
  'tcSource.none': 'GOPROXY 中没有任何条目',
  'tcSource.sumdb': '校验和数据库：{error}',
};
