import type { httpProxy as en } from '../en/httpProxy';

export const httpProxy: Record<keyof typeof en, string> = {
  'check.httpProxy.and': ' 和 ',
  'check.httpProxy.uses.https': 'go 命令的所有 https:// 下载都经过它',
  'check.httpProxy.uses.http': 'go 命令的 http:// 下载都经过它',
  'check.httpProxy.ok.title': 'HTTP 代理 {proxy} 可以连接',
  'check.httpProxy.ok.detail':
    '{variables} 指向 {proxy}；它在 {ms} 内接受了 TCP 连接。{uses}（NO_PROXY 中列出的主机和 localhost 除外）。',
  'check.httpProxy.unreachable.title': 'HTTP 代理 {proxy} 无法连接',
  'check.httpProxy.unreachable.detail':
    '{variables} 指向 {proxy}，但{why}。{uses}，因此在代理恢复可用、或变量被修正或删除之前，这些下载都会失败。{windows}',
  'check.httpProxy.why.dns': '它的主机名无法解析（{code}）',
  'check.httpProxy.why.timeout': '它在 {ms} ms 内没有接受连接',
  'check.httpProxy.why.refused': '那里没有程序接受连接（connection refused）：代理没有运行，或者端口不对',
  'check.httpProxy.why.other': '无法连接到它（{code}）',
  'check.httpProxy.fix.win32': '停止使用该代理（从当前会话和用户环境中删除 {variables}）',
  'check.httpProxy.fix.posix':
    '在当前 shell 中停止使用该代理（如果代理已经不在了，也请从 shell 配置文件中删除 {variables}）',
  'check.httpProxy.invalid.title': '{variable} 不是有效的代理 URL',
  'check.httpProxy.invalid.detail':
    '{variable}={value} 无法解析为代理 URL，所以 go 命令会忽略它并直接连接。请使用 http://host:port（或 http://user:password@host:port）的格式。',
  'check.httpProxy.allProxy.title': '设置了 ALL_PROXY，但 go 命令会忽略它',
  'check.httpProxy.allProxy.detail':
    'curl 和其他一些工具会读取 ALL_PROXY={value}，但 go 命令不会：它只使用 HTTPS_PROXY、HTTP_PROXY 和 NO_PROXY。{advice}',
  'check.httpProxy.allProxy.advice': '如果 go 命令也必须使用该代理，请把 HTTPS_PROXY 也设为它。',
};
