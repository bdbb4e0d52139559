import type { checkFixes as en } from '../en/checkFixes';

export const checkFixes: Record<keyof typeof en, string> = {
  'check.fix.autoProxy': '将 GOPROXY 切换为最快的可用镜像…',
  'check.fix.offline': '仅用模块缓存离线工作',
  'check.fix.restoreProxy': '恢复之前的 Go 模块代理设置',
  'check.fix.install': '安装 Go {version}（已校验）',
  'check.fix.pathFirst': '把 {dir} 放到 PATH 最前面',
  'check.fix.pathAdd': '把 {dir} 加入 PATH',
  'check.fix.unset': '取消设置 {name}',
  'check.fix.dnsFlush.win32': '清空 Windows DNS 缓存',
  'check.fix.dnsFlush.darwin': '清空 macOS DNS 缓存',
  'check.fix.dnsFlush.linux': '清空 systemd-resolved 的 DNS 缓存',
  'check.fix.clock.darwin': '从时间服务器校准时钟',
  'check.fix.clock.win32': '重新同步 Windows 时钟',
  'check.fix.clock.linux': '开启 NTP 自动对时',
  'check.fix.saveCert': '保存证书“{name}”（SHA-256 {sha256}…），交给 IT 部门核实',
  'check.timing.dns': 'DNS {ms}',
  'check.timing.connect': '连接 {ms}',
  'check.timing.proxyConnect': '代理 CONNECT {ms}',
  'check.timing.tls': 'TLS {ms}',
  'check.timing.http': 'HTTP {ms}',
};
