import type { certs as en } from '../en/certs';

export const certs: Record<keyof typeof en, string> = {
  'certs.notHttps.message': '{origin} 不是 https:// URL。',
  'certs.notHttps.remedy': '请给出镜像的 https:// URL。',
  'certs.alreadyTrusted': 'go 命令已经信任它的证书',
  'certs.notIntercepted.message': '{origin} 没有出示不受信任的证书（{why}），因此没有需要保存的证书。',
  'certs.notIntercepted.remedy': '请重新诊断：该连接可能已不再被拦截。',
  'certs.changed.message': '{origin} 现在出示的证书 SHA-256 为 {now}，而不是诊断时显示的 {shown}。',
  'certs.changed.remedy': '未保存任何内容。请重新诊断，并将新的指纹与 IT 部门提供的指纹进行比对。',
  'certs.unwritable.message': '无法将证书保存到 {file}：{error}。',
  'certs.unwritable.remedy': '请让该目录可写，或将 XDG_STATE_HOME 设为一个可写的绝对路径。',
  'certs.trust.win32': 'certutil -user -addstore Root "{file}"   （仅对你的 Windows 账户生效）',
  'certs.trust.darwin':
    "security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db '{file}'   （仅对你的登录钥匙串生效）",
  'certs.trust.other': 'export SSL_CERT_DIR=/etc/ssl/certs:{dir}   （仅对 go 命令生效；请把它加入 shell 配置文件）',
  'certs.saved':
    '已将“{name}”保存到 {file}\nSHA-256 {sha256}\n信任它之前，请将此指纹与 IT 部门公布的指纹进行比对；如果两者不同，说明有其他人在拦截连接：不要信任它。\n确认无误之后，再信任它：\n  {trust}\n',
};
