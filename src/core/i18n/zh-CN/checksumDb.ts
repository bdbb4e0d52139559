import type { checksumDb as en } from '../en/checksumDb';

export const checksumDb: Record<keyof typeof en, string> = {
  'check.sumdb.invalid.title': 'GOSUMDB 无效',
  'check.sumdb.invalid.detail':
    'GOSUMDB={setting}：{reason}。go 命令拒绝下载无法验证的模块，因此下载会失败。请使用默认值（sum.golang.org）或 sum.golang.google.cn。',
  'check.sumdb.fix.default': '使用默认的校验和数据库',
  'check.sumdb.fix.china': '使用中国大陆可访问的 sum.golang.org 官方镜像',
  'check.sumdb.fix.forwardingProxy': '使用同时转发校验和数据库的 GOPROXY 镜像',
  'check.sumdb.reason.explicit': 'GOSUMDB 指定了 {url}，go 命令会直接使用它（不经过 GOPROXY）',
  'check.sumdb.reason.noneBefore': '“{entry}”之前没有任何 GOPROXY 条目转发 {db}，所以 go 命令会直接连接它',
  'check.sumdb.reason.startsWith': 'GOPROXY 以“{entry}”开头，所以 go 命令会直接连接 {db}',
  'check.sumdb.reason.none': '没有任何 GOPROXY 条目转发 {db}，所以 go 命令会直接连接它',
  'check.sumdb.file.holds': '{reason}，其中有已签名的树头（signed tree head）。',
  'check.sumdb.file.notTree': '{reason}，但它的 latest 文件不是已签名的树头。',
  'check.sumdb.file.unreadable': '{reason}，但无法读取它（{code}）。',
  'check.sumdb.direct.answers': '{reason}{via}，它能正常应答。',
  'check.sumdb.direct.failed': '{reason}，但请求 {url} 失败：{problem}',
  'check.sumdb.via': '（经由 HTTP 代理 {proxy}）',
  'check.sumdb.fileProxy': 'go 命令从 file:// 形式的 GOPROXY 条目 {entry} 读取它，该目录中存有数据库的文件。',
  'check.sumdb.supportedFailed':
    'go 命令会先询问 {entry} 是否转发 {db}（{url}），而这一步失败了：{cause}由于该条目后面是“,”，go 命令不会再尝试其他条目，因此无法验证校验和，模块下载会失败。',
  'check.sumdb.proxy.answers': 'go 命令通过 GOPROXY 条目 {entry} 访问它，该条目转发了它{via}。',
  'check.sumdb.proxy.failed':
    '{entry} 表示它转发 {db}（/sumdb/{db}/supported 返回了 200），所以 go 命令只通过这个模块代理访问它，但请求 {url} 失败：{problem}',
  'check.sumdb.notTreeHead': '应答不是由 {db} 签名的树头{html}。',
  'check.sumdb.notTreeHead.html': '，而是一个 HTML 页面（通常是强制门户或登录页）',
  'check.sumdb.notFoundHint': '该服务器在那里不提供 {db} 的树头。',
  'check.sumdb.ok.title': '校验和数据库 {db} 可以访问',
  'check.sumdb.ok.detail': '{how}{timing}',
  'check.sumdb.ok.timing': '它最新的已签名树头用时 {ms} 取得（{steps}）。',
  'check.sumdb.unreachable.title': '校验和数据库 {db} 无法访问',
  'check.sumdb.unreachable.detail':
    '{why}go 命令下载的每个模块（以及每个工具链）都要用这个数据库验证。请把 GOSUMDB 指向你能访问的镜像，或使用会转发该数据库的 GOPROXY；不要关闭验证。',
};
