import * as assert from 'node:assert/strict';
import { clockCheck } from '../../../../src/core/checks/clockCheck';
import { localizeFinding } from '../../../../src/core/i18n/localize';
import type { ProbeResult } from '../../../../src/core/net/probe';

describe('core/i18n/localize', () => {
  const probe = (url: string, date: string): ProbeResult =>
    ({
      url,
      headers: { date },
      responseAt: Date.parse(date) + 600_000,
      rttMs: 10,
      status: 200,
    }) as unknown as ProbeResult;

  it('renders a finding in Chinese from its Messages, keeping id and English fields apart', () => {
    const f = clockCheck([probe('https://goproxy.example.test/', 'Sun, 06 Dec 2026 09:00:00 GMT')], {
      os: 'linux',
    }).finding!;
    assert.equal(f.id, 'clock.skew');
    assert.match(f.title, /^The clock is 10 min fast$/);
    const zh = localizeFinding(f, 'zh-CN');
    assert.equal(zh.title, '系统时钟快了 10 分钟');
    assert.match(zh.detail, /本机时钟比服务器（goproxy\.example\.test）报告的时间/);
    assert.equal(zh.id, 'clock.skew');
  });
});
