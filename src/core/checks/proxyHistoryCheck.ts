// When go-env-doctor changed GOPROXY before, say so and offer the way back.
import type { Finding } from '../findings';
import type { Platform } from '../platform';
import { latestChange } from '../proxyRewrite/history';
import { redact } from '../redact';
import { RESTORE_PROXY_FIX } from './fixes';

export async function proxyHistoryFindings(p: Platform, envFile: string | undefined): Promise<Finding[]> {
  if (!envFile) return [];
  const change = await latestChange(p, envFile).catch(() => undefined);
  if (!change) return [];
  const before = change.before['GOPROXY'];
  const was = !before || !before.inFile ? 'not set in the go env file' : `"${redact(before.value)}"`;
  const wrote = change.wrote['GOPROXY'];
  return [
    {
      id: 'proxy.changedByDoctor',
      severity: 'info',
      title: 'GOPROXY was changed by Go Env Doctor',
      detail: `On ${change.at.slice(0, 16).replace('T', ' ')} UTC it wrote GOPROXY${wrote !== undefined ? `="${redact(wrote)}"` : ''} to ${envFile}; before, it was ${was}. Restoring puts back exactly that.`,
      subject: 'GOPROXY',
      fixes: [RESTORE_PROXY_FIX],
    },
  ];
}
