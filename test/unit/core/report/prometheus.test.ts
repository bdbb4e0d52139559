// The Prometheus output, read back by a real parser of the text exposition format.
import * as assert from 'node:assert/strict';
import type { Report } from '../../../../src/core/report/model';
import { escapeLabel, renderPrometheus } from '../../../../src/core/report/prometheus';

interface ParsedFamily {
  name: string;
  type: string;
  help: string;
  metrics: { labels?: Record<string, string>; value: string }[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package ships no types
const parse = require('parse-prometheus-text-format') as (text: string) => ParsedFamily[];

const hostile = 'https://mirror.example/a"b\\c\nd';
const report: Report = {
  schemaVersion: 1,
  tool: { name: 'go-env-doctor', version: '0.1.0' },
  go: { path: 'C:\\Program Files\\Go\\bin\\go.exe', version: 'go1.22.5', goroot: 'C:\\Program Files\\Go' },
  env: {},
  findings: [
    { id: 'go.ok', severity: 'ok', title: 'go', detail: 'fine', durationMs: 12 },
    { id: 'proxy.refused', severity: 'error', title: 'refused', detail: 'x', subject: hostile, durationMs: 1500 },
    {
      id: 'proxy.ok',
      severity: 'ok',
      title: 'ok',
      detail: 'z',
      subject: 'https://goproxy.example',
      durationMs: 250,
      timings: {
        dnsMs: 12,
        connectMs: 30,
        tlsMs: 80,
        firstByteMs: 120,
        addresses: ['10.0.0.1'],
        connectedTo: '10.0.0.1',
      },
    },
    {
      id: 'tls.expiresSoon',
      severity: 'info',
      title: 'same endpoint',
      detail: 'w',
      subject: 'https://goproxy.example',
      timings: { dnsMs: 12, connectMs: 30, tlsMs: 80, firstByteMs: 120 },
    },
    { id: 'env.sumdbOff', severity: 'warning', title: 'off', detail: 'y', subject: 'GOSUMDB' },
  ],
  durationMs: 1834,
};

describe('Prometheus text format', () => {
  const families = parse(renderPrometheus(report, Date.UTC(2026, 11, 6) + 499));
  const family = (name: string): ParsedFamily => {
    const f = families.find((x) => x.name === name);
    assert.ok(f, `no ${name} in ${families.map((x) => x.name).join(', ')}`);
    return f;
  };

  it('has one gauge sample per finding, with id, severity and the exact subject', () => {
    const f = family('go_env_doctor_finding');
    assert.equal(f.type, 'GAUGE');
    assert.deepEqual(
      f.metrics.map((m) => [m.labels?.['id'], m.labels?.['severity'], m.labels?.['subject'], m.value]),
      [
        ['go.ok', 'ok', '', '1'],
        ['proxy.refused', 'error', hostile, '1'],
        ['proxy.ok', 'ok', 'https://goproxy.example', '1'],
        ['tls.expiresSoon', 'info', 'https://goproxy.example', '1'],
        ['env.sumdbOff', 'warning', 'GOSUMDB', '1'],
      ],
    );
  });

  it('counts findings per severity, so an alert can be severity="error" > 0', () => {
    const counts = Object.fromEntries(
      family('go_env_doctor_findings').metrics.map((m) => [m.labels?.['severity'], m.value]),
    );
    assert.deepEqual(counts, { ok: '2', info: '1', warning: '1', error: '1' });
  });

  it('gives check durations in seconds, the Go version, the run time and its timestamp', () => {
    assert.deepEqual(
      family('go_env_doctor_check_duration_seconds').metrics.map((m) => [m.labels?.['id'], Number(m.value)]),
      [
        ['go.ok', 0.012],
        ['proxy.refused', 1.5],
        ['proxy.ok', 0.25],
      ],
    );
    assert.deepEqual(family('go_env_doctor_go_info').metrics[0]?.labels, {
      version: 'go1.22.5',
      path: 'C:\\Program Files\\Go\\bin\\go.exe',
      goroot: 'C:\\Program Files\\Go',
    });
    assert.equal(Number(family('go_env_doctor_run_duration_seconds').metrics[0]?.value), 1.834);
    assert.equal(
      Number(family('go_env_doctor_last_run_timestamp_seconds').metrics[0]?.value),
      Date.UTC(2026, 11, 6) / 1000,
    );
  });

  it('gives each endpoint step in seconds, once per endpoint', () => {
    const f = family('go_env_doctor_probe_step_seconds');
    assert.equal(f.type, 'GAUGE');
    assert.deepEqual(
      f.metrics.map((m) => [m.labels?.['subject'], m.labels?.['step'], Number(m.value)]),
      [
        ['https://goproxy.example', 'dns', 0.012],
        ['https://goproxy.example', 'connect', 0.03],
        ['https://goproxy.example', 'tls', 0.08],
        ['https://goproxy.example', 'first_byte', 0.12],
      ],
    );
  });

  it('escapes backslash, double quote and newline in label values, and nothing else', () => {
    assert.equal(escapeLabel('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
    assert.equal(escapeLabel('https://x.example/p?q=1,2'), 'https://x.example/p?q=1,2');
  });
});
