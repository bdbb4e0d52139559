import type { clock as en } from '../en/clock';

export const clock: Record<keyof typeof en, string> = {
  'clock.servers.one': '服务器（{hosts}）',
  'clock.servers.many': '{count} 台服务器（{hosts}）',
  'clock.ok.title': '系统时钟准确',
  'clock.ok.detail': '本机时钟与{servers}的 Date 时间相差不超过 {skewS} 秒（±{uncertaintyS} 秒）。',
  'clock.skew.title.fast': '系统时钟快了 {duration}',
  'clock.skew.title.slow': '系统时钟慢了 {duration}',
  'clock.skew.detail.ahead':
    '本机时钟比{servers}报告的时间（Date 响应头，已按往返时间的一半校正）快约 {duration}。TLS 证书校验和校验和数据库都依赖准确的时钟：请与时间服务器同步。',
  'clock.skew.detail.behind':
    '本机时钟比{servers}报告的时间（Date 响应头，已按往返时间的一半校正）慢约 {duration}。TLS 证书校验和校验和数据库都依赖准确的时钟：请与时间服务器同步。',
  'clock.unknown.title': '无法检查系统时钟',
  'clock.unknown.why.none': '没有联系任何服务器（GOPROXY 和 GOSUMDB 中没有可探测的地址）',
  'clock.unknown.why.allFailed': '询问的 {count} 台服务器都没有应答',
  'clock.unknown.why.allFailedBecause': '询问的 {count} 台服务器都没有应答（{host}：{error}）',
  'clock.unknown.why.noDate': '应答的服务器都没有发送 Date 响应头',
  'clock.unknown.detail':
    '本机时钟通过与所探测服务器的 Date 响应头比较来检查，但{why}。TLS 证书校验和校验和数据库都依赖准确的时钟：待有服务器应答后请重新诊断，或确认时钟已与时间服务器同步。',
  'clock.explains.cert.ahead': '{detail} 本机时钟快了 {duration}（见 clock.skew）：这很可能就是原因，请先校正时钟。',
  'clock.explains.cert.behind': '{detail} 本机时钟慢了 {duration}（见 clock.skew）：这很可能就是原因，请先校正时钟。',
  'clock.explains.skew': '{detail} 它很可能是 {subjects} 证书错误的原因。',
  'duration.s': '{n} 秒',
  'duration.min': '{n} 分钟',
  'duration.h': '{n} 小时',
  'duration.days': '{n} 天',
};
