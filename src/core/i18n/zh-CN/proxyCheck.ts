import type { proxyCheck as en } from '../en/proxyCheck';

export const proxyCheck: Record<keyof typeof en, string> = {
  'check.probe.failed.title': '{name}：{short}',
  'check.proxy.name.entry': 'GOPROXY 条目 {entry}',
  'check.proxy.name.mirror': '镜像 {entry}',
  'check.proxy.via': '，经由 {proxy}（{variable}）',
  'check.proxy.timing': '{module}@latest 为 {version}，获取用时 {ms}{via}（{steps}）。',
  'check.proxy.slow.title': '{name} 响应缓慢',
  'check.proxy.slow.detail':
    '它的应答正确，但很慢（超过 {slow}）：{timing}每次模块下载都要等它；离你更近的镜像会更快。{extra}',
  'check.proxy.ok.title': '{name} 工作正常',
  'check.proxy.ok.detail': '{timing}{extra}',
  'check.proxy.badResponse.title': '{name} 的应答不符合模块代理协议',
  'check.proxy.badResponse.detail': '{host} 对 {module}/@latest 返回了 200{via}{redirect}，但{what}',
  'check.proxy.badResponse.redirect': '（在重定向到 {url} 之后）',
  'check.proxy.badResponse.tooLarge': '应答超过了 {kib} KiB，而正常的 @latest 应答不会这么大。',
  'check.proxy.badResponse.html':
    '应答是一个 HTML 页面{title}，而不是模块代理协议的 JSON。这通常是强制门户（Wi-Fi 登录页），或是错误 URL 上的网页：请先在浏览器中登录网络，或修正 URL。',
  'check.proxy.badResponse.htmlTitle': '（“{title}”）',
  'check.proxy.badResponse.notJson':
    '应答不是模块代理协议的 JSON {"Version": "v…", "Time": "…"}（{contentType}开头是 {excerpt}）。请检查 URL。',
  'check.proxy.badResponse.contentType': 'Content-Type 为 {type}，',
  'check.proxy.notFoundHint': '它不提供 {module}，而所有公共模块代理都提供：请检查 URL（例如是否漏了路径前缀）。',
  'check.proxy.file.badUrl.title': 'GOPROXY 条目 {entry} 不是可用的 file URL',
  'check.proxy.file.badUrl.detail': 'file:// 条目必须指向一个绝对路径的目录。',
  'check.proxy.file.ok.title': 'GOPROXY 条目 {entry} 是可读的目录',
  'check.proxy.file.ok.detail': '直接读取 {dir}（不经过网络）：它只能提供复制到其中的模块。',
  'check.proxy.file.unreadable.title': 'GOPROXY 条目 {entry} 无法读取',
  'check.proxy.file.unreadable.detail':
    '{dir}：{problem}。file:// 条目必须是模块缓存的下载目录（$GOMODCACHE/cache/download 或它的副本）。',
  'check.proxy.file.noSuchDir': '目录不存在',
  'check.proxy.file.notDir': '不是目录',
  'check.proxy.file.notReadable': '不可读（{code}）',
  'check.proxy.notInGoproxy': '{title}（不在 GOPROXY 中）',
  'check.proxy.fix.useAnswered': '改用 {mirror}（它在 {ms} 内作出了应答）',
  'check.proxy.fix.use': '改用 {mirror}',
  'check.proxy.fix.pipe': '出现任何错误时都转向下一个条目（用 | 代替 ,）',
  'check.proxy.fix.remove': '删除这个条目，让下载不必等它',
  'check.proxy.after.earlierWorks': '前面的条目可用，所以只有当那个条目无法提供某个模块时，go 命令才会用到这个条目。',
  'check.proxy.after.direct':
    'go 命令会回退到直接从版本控制源仓库获取（direct），这样更慢，而且需要能访问每个源仓库的主机。',
  'check.proxy.after.fallsThrough': 'go 命令会转向下一个条目，但每次下载都要先等这个条目出错。',
  'check.proxy.after.notReached': '只有当前面的条目都转向下一个时，go 命令才会尝试这个条目。',
  'check.proxy.after.stopsAtComma':
    'go 命令无法下载模块：“{entry}”后面是“,”，所以只有当这个模块代理返回 404 或 410 时才会尝试“{next}”，像这样的失败会直接终止下载（用“|”则会在任何错误后继续尝试下一个）。',
  'check.proxy.after.last': '它是 GOPROXY 的最后一个条目，所以 go 命令无法下载模块。',
  'check.proxy.after.noneLater': '后面没有能接替它的 GOPROXY 条目，所以 go 命令无法下载模块。',
};
