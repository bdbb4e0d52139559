import type { mirrorCorrupt as en } from '../en/mirrorCorrupt';

export const mirrorCorrupt: Record<keyof typeof en, string> = {
  'mirrorCorrupt.title': '{mirror} 提供的数据与官方不一致',
  'mirrorCorrupt.detail':
    '{mirror} 提供的 {filename} 数据与其他下载源不一致，也不符合官方 SHA-256（字节范围 {ranges}）。已排除该镜像，并从其他下载源完成下载；安装的工具链与官方 SHA-256 一致。请从镜像列表（--mirror 或 goEnv.toolchain.mirrors）中移除该镜像，并向其维护者报告。',
};
