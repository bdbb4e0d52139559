// `npm run test:e2e`: the Playwright scenarios against code-server with the packaged .vsix.
import * as path from 'node:path';
import Mocha from 'mocha';
import { ROOT } from './paths';

async function main(): Promise<void> {
  const started = Date.now();
  const grep = process.env['GED_TEST_GREP'];
  const mocha = new Mocha({ ui: 'bdd', timeout: 180_000, slow: 20_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  mocha.addFile(path.join(ROOT, 'out', 'test', 'e2e', 'scenarios.test.js'));
  mocha.addFile(path.join(ROOT, 'out', 'test', 'e2e', 'proxyFix.test.js'));
  mocha.addFile(path.join(ROOT, 'out', 'test', 'e2e', 'toolchain.test.js'));
  mocha.addFile(path.join(ROOT, 'out', 'test', 'e2e', 'chinese.test.js'));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failures > 0 ? 1 : 0;
  // Browsers and servers are closed by the suite; do not wait on a stray handle.
  setTimeout(() => process.exit(), 1000).unref();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
