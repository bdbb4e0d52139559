import type { refereeRuns as en } from '../en/refereeRuns';

export const refereeRuns: Record<keyof typeof en, string> = {
  'refereeRun.timeout': '{s} 秒内没有结束，已被停止',
  'refereeRun.cancelled': '已取消',
  'refereeRun.spawn': '无法启动 {go}：{error}',
  'refereeRun.wouldDownload': '它会下载 {runs}；加上 --allow-toolchain-download 才会这样做（下载到临时缓存中）',
};
