import type { proxyHistory as en } from '../en/proxyHistory';

export const proxyHistory: Record<keyof typeof en, string> = {
  'check.proxy.changedByDoctor.title': 'GOPROXY 曾被 Go Env Doctor 修改',
  'check.proxy.changedByDoctor.detail.wasSet':
    'Go Env Doctor 于 {at}（UTC）把 GOPROXY{wrote} 写入了 {file}；修改前的值是“{was}”。恢复操作会原样还原这个值。',
  'check.proxy.changedByDoctor.detail.wasUnset':
    'Go Env Doctor 于 {at}（UTC）把 GOPROXY{wrote} 写入了 {file}；修改前 go env 文件中没有设置 GOPROXY。恢复操作会原样还原到那时的状态。',
};
