// The one bridge from VS Code's CancellationToken to the AbortSignal every request and child
// process takes. A token already cancelled aborts at once.
import type * as vscode from 'vscode';

/** Aborts `controller` when any of `tokens` is cancelled; dispose to stop listening. */
export function abortOnCancel(
  controller: AbortController,
  tokens: readonly (vscode.CancellationToken | undefined)[],
  onCancel?: () => void,
): vscode.Disposable {
  const cancel = () => {
    if (controller.signal.aborted) return;
    onCancel?.();
    controller.abort();
  };
  const subs = tokens.flatMap((t) => (t ? [t.onCancellationRequested(cancel)] : []));
  if (tokens.some((t) => t?.isCancellationRequested)) cancel();
  return { dispose: () => subs.forEach((s) => s.dispose()) };
}

/** A signal that follows `tokens`, and the subscription to dispose when the work is done. */
export function signalFor(...tokens: (vscode.CancellationToken | undefined)[]): {
  signal: AbortSignal;
  dispose(): void;
} {
  const controller = new AbortController();
  const sub = abortOnCancel(controller, tokens);
  return { signal: controller.signal, dispose: () => sub.dispose() };
}
