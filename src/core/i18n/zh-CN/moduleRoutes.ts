import type { moduleRoutes as en } from '../en/moduleRoutes';

export const moduleRoutes: Record<keyof typeof en, string> = {
  'privateModule.title': '私有模块 {prefix} 会被发往公共模块代理和校验和数据库',
  'privateModule.detail':
    '{file}:{line} 依赖 {modules}，但 GOPRIVATE、GONOPROXY、GONOSUMDB 中没有任何模式覆盖它。因此 go 命令会向镜像 {proxy} 请求它（{answer}），并向校验和数据库 {db} 查询，而数据库中没有它的记录：模块路径泄露给了公共服务，并且{outcome}。请把自己的代码标记为私有：在 GOPRIVATE 末尾追加 {prefix}，并保留已有的模式（{existing}）；之后 go 会直接从源站获取它，也不再向校验和数据库查询。',
  'privateModule.answer': 'HTTP {status}',
  'privateModule.outcome.fails': '下载会失败（“{db}: not found”，或镜像返回 404/410）',
  'privateModule.outcome.leaks':
    '此处 go 之所以能成功，只是因为 go.sum 已记录了它且 GOPROXY 会回退到 direct；go.sum 尚未记录的版本会在查询校验和数据库时失败',
  'privateModule.existing.none': '目前为空',
  'privateModule.fix': '把 {prefix} 加入 GOPRIVATE',
  'direct.unreachable.title': 'go 命令无法访问 {host}（{module} 的源站）',
  'direct.unreachable.detail':
    '{why}，因此 go 命令会从源站获取 {modules}。{step} {reason}；go 会在同一步失败。{remedy}',
  'direct.why.goproxy': 'GOPROXY 为“{goproxy}”',
  'direct.why.private': '{module} 匹配 {setting}“{patterns}”',
  'direct.why.fallback': '各模块代理镜像对 {module} 返回 404/410，列表随后转向 direct（“{goproxy}”）',
  'direct.step.goGet': '查询代码仓库位置时，{url}',
  'direct.step.repo': '代码仓库 {url}',
  'direct.noGoImport': '返回了 HTTP {status}，但没有 {module} 的 go-import meta 标签',
  'direct.remedy.private':
    '请检查到 {host} 的网络路径（VPN、防火墙、HTTPS_PROXY 与 NO_PROXY），并确认它向你提供该仓库；go 命令还需要 git 以及访问它的凭据。',
  'direct.remedy.public': '请改为通过提供该模块的镜像获取（go-env-doctor set-proxy --auto），或让本机能够访问 {host}。',
};
