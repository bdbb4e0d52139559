// Every line the "Go Env" log receives passes through redact(), so no call site can leak a proxy
// credential by forgetting to.
import type * as vscode from 'vscode';
import { redact } from '../core/redact';

const TEXT_METHODS = new Set<PropertyKey>([
  'trace',
  'debug',
  'info',
  'warn',
  'error',
  'append',
  'appendLine',
  'replace',
]);

const clean = (x: unknown): unknown =>
  typeof x === 'string' ? redact(x) : x instanceof Error ? redact(x.stack ?? x.message) : x;

export function redactingLog(channel: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(channel, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (!TEXT_METHODS.has(prop)) return fn.bind(target);
      return (...args: unknown[]) => fn.apply(target, args.map(clean));
    },
  });
}
