import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { redactingLog } from '../../../src/extension/redactingLog';

describe('extension: the Go Env log', () => {
  it('redacts every line, error and stack it is given, and passes the rest through', () => {
    const lines: string[] = [];
    const channel = {
      name: 'Go Env',
      info: (m: string) => lines.push(`info ${m}`),
      warn: (m: string) => lines.push(`warn ${m}`),
      error: (m: string | Error) => lines.push(`error ${String(m)}`),
      appendLine: (m: string) => lines.push(`line ${m}`),
      show: () => lines.push('show'),
    } as unknown as vscode.LogOutputChannel;
    const log = redactingLog(channel);
    log.info('GOPROXY=https://alice:p@ss@mirror.corp,tok@other.corp|direct');
    log.warn('HTTPS_PROXY=bob:hunter2@proxy.corp:3128');
    log.error(new Error('connect http://u:pw@[::1]:3128 refused'));
    log.appendLine('socks5://s:s3@127.0.0.1:1080');
    log.show();
    assert.equal(log.name, 'Go Env');
    assert.deepEqual(lines.slice(0, 2), [
      'info GOPROXY=https://***@mirror.corp,***@other.corp|direct',
      'warn HTTPS_PROXY=***@proxy.corp:3128',
    ]);
    assert.match(lines[2]!, /^error Error: connect http:\/\/\*\*\*@\[::1\]:3128 refused\n\s+at /);
    assert.deepEqual(lines.slice(3), ['line socks5://***@127.0.0.1:1080', 'show']);
  });
});
