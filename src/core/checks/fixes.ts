// The proxy-related fixes several checks offer, defined once so the CLI and the editor label
// them the same way.
import type { Fix } from '../findings';

export const AUTO_PROXY_FIX: Fix = {
  command: 'go-env-doctor set-proxy --auto',
  title: 'Switch GOPROXY to the fastest working mirror…',
  action: { kind: 'setProxyAuto' },
};

export const OFFLINE_FIX: Fix = {
  command: 'go-env-doctor set-proxy --offline',
  title: 'Work offline from the module cache',
  action: { kind: 'workOffline' },
};

export const RESTORE_PROXY_FIX: Fix = {
  command: 'go-env-doctor restore-proxy',
  title: 'Restore previous Go proxy settings',
  action: { kind: 'restoreProxy' },
};
