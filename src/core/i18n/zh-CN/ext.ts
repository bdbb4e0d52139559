import type { ext as en } from '../en/ext';

export const ext: Record<keyof typeof en, string> = {
  'ext.sentences': '{first}{rest}',
  'ext.proxyDiffers.title': 'VS Code 的代理设置与 go 命令使用的不一致',
  'ext.proxyDiffers.proxy.https':
    'VS Code 的 http.proxy 是“{proxy}”，但 go 命令使用的 HTTPS_PROXY 是“{httpsProxy}”。VS Code 不会把 http.proxy 传给 go 命令或终端。如果 go 命令需要这个代理，请在启动 VS Code 和终端的环境中设置 HTTPS_PROXY（以及 NO_PROXY）；如果不需要，请清空 http.proxy。',
  'ext.proxyDiffers.proxy.direct':
    'VS Code 的 http.proxy 是“{proxy}”，但 go 命令没有看到 HTTPS_PROXY，会直接连接。VS Code 不会把 http.proxy 传给 go 命令或终端。如果 go 命令需要这个代理，请在启动 VS Code 和终端的环境中设置 HTTPS_PROXY（以及 NO_PROXY）；如果不需要，请清空 http.proxy。',
  'ext.proxyDiffers.noProxy':
    'VS Code 的 http.noProxy 是“{noProxy}”，但 go 命令的 NO_PROXY 是“{goNoProxy}”，两者绕过代理的主机不同。',
  'ext.proxyDiffers.noProxy.empty':
    'VS Code 的 http.noProxy 是“{noProxy}”，但 go 命令的 NO_PROXY 为空，两者绕过代理的主机不同。',
  'ext.proxyDiffers.strictSsl':
    'http.proxyStrictSSL 已关闭。它只影响 VS Code 自己的请求：Go Env Doctor 和 go 命令总会校验证书。如果这是为 HTTPS 拦截代理设置的，请改为信任它的根证书（go 命令用 SSL_CERT_FILE，Node 用 NODE_EXTRA_CA_CERTS）。',
  'ext.proxyDiffers.fix': '打开 VS Code 的代理设置',
  'ext.goPathIgnored.title': '未使用工作区设置中的 goEnv.goPath',
  'ext.goPathIgnored.detail':
    '此工作区把 goEnv.goPath 设为“{goPath}”，但工作区不受信任；运行不受信任的文件夹指定的程序，等于让该文件夹执行代码。Go Env Doctor 改用了用户设置或 PATH 中的 go 可执行文件。信任此工作区（Workspaces: Manage Workspace Trust）后即可使用它的设置。',
};
