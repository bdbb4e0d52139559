// When go-env-doctor changed GOPROXY before, say so and offer the way back.
import type { Finding } from '../findings';
import type { Platform } from '../platform';
import { latestChange } from '../proxyRewrite/history';
import { redact } from '../redact';
import { RESTORE_PROXY_FIX } from './fixes';
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';

export async function proxyHistoryFindings(p: Platform, envFile: string | undefined): Promise<Finding[]> {
  if (!envFile) return [];
  const change = await latestChange(p, envFile).catch(() => undefined);
  if (!change) return [];
  const before = change.before['GOPROXY'];
  const wrote = change.wrote['GOPROXY'];
  const params = {
    at: change.at.slice(0, 16).replace('T', ' '),
    wrote: wrote !== undefined ? `="${redact(wrote)}"` : '',
    file: envFile,
  };
  return [
    {
      id: 'proxy.changedByDoctor',
      severity: 'info',
      ...findingWords(
        msg('check.proxy.changedByDoctor.title'),
        !before || !before.inFile
          ? msg('check.proxy.changedByDoctor.detail.wasUnset', params)
          : msg('check.proxy.changedByDoctor.detail.wasSet', { ...params, was: redact(before.value) }),
      ),
      subject: 'GOPROXY',
      fixes: [RESTORE_PROXY_FIX],
    },
  ];
}
