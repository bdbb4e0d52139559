import type { mirrorCorrupt as en } from '../en/mirrorCorrupt';

export const mirrorCorrupt: Record<keyof typeof en, string> = {
  'mirrorCorrupt.title': '{mirror} 提供的数据与官方不一致',
  'mirrorCorrupt.detail':
    '{mirror} 提供的 {filename} 数据与其他下载源不一致，也不符合官方 SHA-256（字节范围 {ranges}）。已排除该镜像，并从其他下载源完成下载；安装的工具链与官方 SHA-256 一致。请从镜像列表（--mirror 或 goEnv.toolchain.mirrors）中移除该镜像，并向其维护者报告。',
  'mirrorCorrupt.stopped': '已停止',
  'mirrorCorrupt.sourceWhy': '{source}：{why}',
  'mirrorCorrupt.noSource.message': '无法下载 {filename}：{why}。',
  'mirrorCorrupt.noSource.remedy':
    '请检查网络和代理设置（"go-env-doctor diagnose" 会逐项测试），或用 --mirror URL 加一个能访问的镜像；它提供的字节仍会与官方 SHA-256 比对。',
  'mirrorCorrupt.noSource.remedyKept':
    '请检查网络和代理设置（"go-env-doctor diagnose" 会逐项测试），或用 --mirror URL 加一个能访问的镜像；它提供的字节仍会与官方 SHA-256 比对。已收到的 {bytes} 字节会保留，再次运行同一命令即可从断点继续。',
  'mirrorCorrupt.mismatch.message':
    '{filename} 与官方发布索引中的 SHA-256（{sha256}）不符，且各下载源的任何组合都得不到官方字节。（{last}）',
  'mirrorCorrupt.mismatch.messageNamed':
    '{filename} 与官方发布索引中的 SHA-256（{sha256}）不符，且各下载源的任何组合都得不到官方字节。提供了被篡改字节的下载源：{sources}。（{last}）',
  'mirrorCorrupt.mismatch.remedy':
    '未安装任何内容。途中的某个镜像或代理提供了被篡改或过期的字节：去掉那个 --mirror（或修正代理）后重试。',
  'mirrorCorrupt.dropped': '{share}（已放弃）',
};
