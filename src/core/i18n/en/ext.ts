// Findings the VS Code extension adds to a report (its settings, its workspace trust).
export const ext = {
  'ext.sentences': '{first} {rest}',
  'ext.proxyDiffers.title': "VS Code's proxy settings differ from what the go command uses",
  'ext.proxyDiffers.proxy.https':
    'VS Code\'s http.proxy is "{proxy}", but the go command uses HTTPS_PROXY "{httpsProxy}". VS Code does not pass http.proxy to the go command or to terminals. If the go command needs this proxy, set HTTPS_PROXY (and NO_PROXY) in the environment VS Code and your terminals start with; if it does not, clear http.proxy.',
  'ext.proxyDiffers.proxy.direct':
    'VS Code\'s http.proxy is "{proxy}", but the go command sees no HTTPS_PROXY and connects directly. VS Code does not pass http.proxy to the go command or to terminals. If the go command needs this proxy, set HTTPS_PROXY (and NO_PROXY) in the environment VS Code and your terminals start with; if it does not, clear http.proxy.',
  'ext.proxyDiffers.noProxy':
    'VS Code\'s http.noProxy is "{noProxy}", but the go command\'s NO_PROXY is "{goNoProxy}", so the two bypass the proxy for different hosts.',
  'ext.proxyDiffers.noProxy.empty':
    'VS Code\'s http.noProxy is "{noProxy}", but the go command\'s NO_PROXY is empty, so the two bypass the proxy for different hosts.',
  'ext.proxyDiffers.strictSsl':
    "http.proxyStrictSSL is off. That affects only VS Code's own requests: Go Env Doctor and the go command always verify certificates, so if this was set for an intercepting proxy, trust its root certificate instead (SSL_CERT_FILE for the go command, NODE_EXTRA_CA_CERTS for Node).",
  'ext.proxyDiffers.fix': "Open VS Code's proxy settings",
  'ext.goPathIgnored.title': 'goEnv.goPath from the workspace settings was not used',
  'ext.goPathIgnored.detail':
    'This workspace sets goEnv.goPath to "{goPath}", but it is not trusted, and running a program named by an untrusted folder would let that folder run code. Go Env Doctor used the go binary from your user settings or PATH instead. Trust the workspace (Workspaces: Manage Workspace Trust) to use its setting.',
} as const;
