// Every finding the diagnosis produces in the fixture scenarios, and the report around it, reads
// as Chinese in zh-CN: no leftover {placeholder}, no text outside the catalog, no English sentence.
// Outside text (a host, a path, a command, a quoted server answer) stays as it is.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { diagnose } from '../../../../src/core/diagnose';
import type { Finding } from '../../../../src/core/findings';
import { CATALOGS } from '../../../../src/core/i18n/catalog';
import { localizeFinding } from '../../../../src/core/i18n/localize';
import type { Platform } from '../../../../src/core/platform';
import { renderMarkdown } from '../../../../src/core/report/markdown';
import type { Report } from '../../../../src/core/report/model';
import { renderText } from '../../../../src/core/report/text';
import { testCerts } from '../../../support/certs';
import { tempDir } from '../../../support/fakeGo';
import { removeNetTestFiles, testEnv } from '../../../support/netEnv';
import {
  goproxyHandler,
  refusedPort,
  startHttpServer,
  startHttpsServer,
  type StartedServer,
} from '../../../support/servers';

const KEYS = new Set(Object.keys(CATALOGS.en));

/** Text that is not prose: commands, URLs, paths, hosts, versions, identifiers, quoted outside text. */
const NOT_PROSE = [
  /Go Env Doctor/g, // the product's name
  /`[^`]*`/g, // a command or identifier in backticks
  /"[^"]*"|“[^”]*”|「[^」]*」/g, // a quotation of outside text (a server's answer, go's stderr)
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, // URLs
  /(?:~|\.{1,2})?\/[^\s，。；：）]*/g, // paths
];

/** A word of English prose (identifiers like GOPROXY, go.mod, v1.2.3 or ECONNREFUSED are not). */
const WORD = /^[A-Za-z][a-z]*(?:'[a-z]+)?$/;

/** The first run of 4 or more English words in `text`, outside the exempt spans. */
export function englishRun(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const run = lineRun(line);
    if (run) return run;
  }
  return undefined;
}

function lineRun(text: string): string | undefined {
  let prose = text;
  for (const re of NOT_PROSE) prose = prose.replace(re, ' | ');
  const tokens = prose.split(/[\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+|(?<=[,;:()])|(?=[,;:()])/u);
  let run: string[] = [];
  for (const raw of tokens) {
    const t = raw.replace(/^[,;:()]+|[,;:().!?]+$/g, '');
    if (t === '') {
      if (raw.trim() !== '') run = [];
      continue;
    }
    if (WORD.test(t)) {
      run.push(t);
      if (run.length >= 4) return run.join(' ');
    } else run = [];
  }
  return undefined;
}

function problemsOf(text: string, where: string): string[] {
  const out: string[] = [];
  const left = text.match(/\{[A-Za-z0-9_]+\}/);
  if (left) out.push(`${where}: leftover placeholder ${left[0]}`);
  if (KEYS.has(text.trim())) out.push(`${where}: an untranslated key ${text.trim()}`);
  const run = englishRun(text);
  if (run) out.push(`${where}: English "${run}" in: ${text}`);
  return out;
}

/** What is wrong with one finding in zh-CN. */
function findingProblems(f: Finding, scenario: string): string[] {
  const where = `${scenario} ${f.id}`;
  const out: string[] = [];
  if (!f.text) out.push(`${where}: title and detail are not catalog Messages`);
  for (const [i, x] of (f.fixes ?? []).entries())
    if (!x.text) out.push(`${where}: fix ${i + 1} ("${x.title}") is not a catalog Message`);
  const zh = localizeFinding(f, 'zh-CN');
  out.push(...problemsOf(zh.title, `${where} title`), ...problemsOf(zh.detail, `${where} detail`));
  for (const x of zh.fixes ?? []) out.push(...problemsOf(x.title, `${where} fix`));
  return out;
}

/** The report's own words (headings, verdict, summary): the rendered report minus the findings' text. */
function chromeProblems(report: Report, scenario: string): string[] {
  let text = renderText(report, { color: false, verbose: true, lang: 'zh-CN', width: 100_000 });
  let md = renderMarkdown(report, { lang: 'zh-CN' });
  for (const f of report.findings.map((x) => localizeFinding(x, 'zh-CN'))) {
    for (const s of [f.title, f.detail, ...(f.fixes ?? []).flatMap((x) => [x.title, x.command])]) {
      text = text.split(s).join(' ');
      md = md.split(s).join(' ');
    }
  }
  return [...problemsOf(text, `${scenario} text report`), ...problemsOf(md, `${scenario} Markdown report`)];
}

describe('zh-CN completeness: every finding of the fixture scenarios, rendered in Chinese', function () {
  this.timeout(180_000);
  const servers: StartedServer[] = [];
  const scenarios: { name: string; run: () => Promise<Report> }[] = [];

  async function platform(env: NodeJS.ProcessEnv): Promise<Platform> {
    const home = await tempDir('ged-zh-');
    return {
      env: { PATH: '/usr/bin:/bin', HOME: home, GOENV: path.join(home, 'goenv'), GOFLAGS: '', ...env },
      homeDir: home,
      os: 'linux',
      arch: 'x64',
      now: () => Date.now(),
    };
  }

  before(async () => {
    const certs = await testCerts();
    const healthy = await startHttpServer(goproxyHandler());
    const notFound = await startHttpServer(goproxyHandler({ status: 404 }));
    const wrongHost = await startHttpsServer(goproxyHandler(), certs.wrongHost);
    const expired = await startHttpsServer(goproxyHandler(), certs.expired);
    servers.push(healthy, notFound, wrongHost, expired);
    const refused = `http://127.0.0.1:${await refusedPort()}`;
    const mod = await tempDir('ged-zh-mod-');
    await fs.writeFile(path.join(mod, 'go.mod'), 'module example.com/m\n\ngo 1.99\n');
    const proxied = (url: string) => testEnv({ GOPROXY: url, GOSUMDB: `sum.golang.org ${url}` });
    const run =
      (env: Promise<NodeJS.ProcessEnv>, o: { cwd?: string; goPath?: string } = {}) =>
      async () => {
        const p = await platform(await env);
        return diagnose({
          cwd: o.cwd ?? p.homeDir,
          platform: p,
          timeoutMs: 3000,
          ...(o.goPath ? { goPath: o.goPath } : {}),
        });
      };
    scenarios.push(
      { name: 'healthy loopback proxy', run: run(proxied(healthy.url)) },
      { name: 'refused proxy', run: run(proxied(refused)) },
      { name: '404 proxy', run: run(proxied(notFound.url)) },
      { name: 'TLS: certificate for another host', run: run(proxied(wrongHost.url)) },
      { name: 'TLS: expired certificate', run: run(proxied(expired.url)) },
      { name: 'downloads and verification off', run: run(testEnv({ GOPROXY: 'off', GOSUMDB: 'off' })) },
      { name: 'missing go', run: run(testEnv({ GOPROXY: 'off', GOSUMDB: 'off' }), { goPath: '/nonexistent/go' }) },
      {
        name: 'go.mod needs a newer Go',
        run: run(testEnv({ GOPROXY: 'off', GOSUMDB: 'off', GOTOOLCHAIN: 'local' }), { cwd: mod }),
      },
    );
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await removeNetTestFiles();
  });

  it('the detector finds English prose and leaves identifiers, commands, paths and quotations alone', () => {
    assert.equal(englishRun('请运行 `go env -w GOPROXY=https://goproxy.cn,direct`，然后重试。'), undefined);
    assert.equal(englishRun('模块代理 https://goproxy.example.test/a/b 拒绝连接（ECONNREFUSED）。'), undefined);
    assert.equal(englishRun('服务器回答 "Service Temporarily Unavailable for maintenance"。'), undefined);
    assert.equal(englishRun('go.mod 第 3 行要求 Go 1.99，但安装的是 go1.19.8。'), undefined);
    assert.equal(englishRun('运行 go mod tidy 即可'), undefined, 'three words of a command are not a sentence');
    assert.equal(englishRun('无法连接：The module proxy refused the connection。'), 'The module proxy refused');
    assert.equal(englishRun('Use the default module proxy'), 'Use the default module');
  });

  it('has a Message for every title, detail and fix, and no English, key or placeholder left in zh-CN', async () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const s of scenarios) {
      const report = await s.run();
      for (const f of report.findings) {
        seen.add(f.id);
        problems.push(...findingProblems(f, s.name));
      }
      problems.push(...chromeProblems(report, s.name));
    }
    for (const id of ['proxy.ok', 'proxy.refused', 'proxy.httpStatus', 'go.notFound', 'gomod.goTooNew', 'env.proxyOff'])
      assert.ok(seen.has(id), `the scenarios produce ${id} (they produced ${[...seen].join(', ')})`);
    assert.deepEqual(problems, [], `${problems.length} problems:\n${problems.join('\n')}`);
  });
});
