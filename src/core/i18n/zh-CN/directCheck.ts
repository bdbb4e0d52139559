import type { directCheck as en } from '../en/directCheck';

export const directCheck: Record<keyof typeof en, string> = {
  'check.direct.vcsMissing.title': 'git 不在 PATH 中，但 go 命令需要它',
  'check.direct.vcsMissing.detail':
    '{why}，go 命令用 git 获取这些模块；但 git 不在 PATH 中（{path}），所以这些下载会失败，报错 `exec: "git": executable file not found in $PATH`。请安装 git（或把它所在的目录加入 PATH），或者通过模块代理获取公开模块。',
  'check.direct.vcsMissing.why.onlyDirect': 'GOPROXY 为“{goproxy}”，所以每个模块都从源仓库获取',
  'check.direct.vcsMissing.why.private': '匹配 {variable}“{patterns}”的模块从各自的源仓库获取',
  'check.direct.vcsMissing.why.fallback': '对于代理上没有的模块，GOPROXY 会回退到 direct（直接从源仓库获取）',
  'check.direct.vcsMissing.noPath': '未设置 PATH',
  'check.direct.fix.installGitXcode': '安装 git（Xcode 命令行工具）',
  'check.direct.fix.installGit': '安装 git',
};
