// The editor side of the saveCertificate fix: saves the intercepting certificate under the state
// directory and shows its fingerprint. Trusting it is left to the user, after checking with IT.
import * as vscode from 'vscode';
import { saveInterceptingCertificate, savedCertificateAdvice } from '../../core/certs/interceptingCert';
import type { ActionOf, FixContext, FixOutcome } from './registry';

const SAVE_TIMEOUT_MS = 15_000;

export async function saveCertificateFix(action: ActionOf<'saveCertificate'>, ctx: FixContext): Promise<FixOutcome> {
  const abort = new AbortController();
  const sub = ctx.token.onCancellationRequested(() => abort.abort());
  try {
    const saved = await saveInterceptingCertificate({
      url: action.url,
      sha256: action.sha256,
      platform: ctx.requestPlatform,
      timeoutMs: SAVE_TIMEOUT_MS,
      signal: abort.signal,
    });
    ctx.log.info(savedCertificateAdvice(saved, ctx.requestPlatform));
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          'Go Env: saved "{0}" to {1}. Compare its SHA-256 {2} with the one your IT department publishes before trusting it; the log says how to trust it for go.',
          saved.name,
          saved.file,
          saved.sha256,
        ),
        vscode.l10n.t('Show Log'),
      )
      .then((pick) => {
        if (pick) ctx.log.show();
      });
    return { rediagnose: false };
  } finally {
    sub.dispose();
  }
}
