// Where the harness finds the project, its build output and the cached code-server.
import * as path from 'node:path';

/** The project root (this file compiles to out/test/vscode/paths.js). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CACHE_DIR = path.join(ROOT, '.cache');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_PREFIX = path.join(CACHE_DIR, 'code-server');
export const CODE_SERVER_ENTRY = path.join(
  CODE_SERVER_PREFIX,
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);
export const SETUP_SCRIPT = path.join(ROOT, 'test', 'vscode', 'setup.sh');
export const CHROMIUM = process.env['GED_CHROMIUM'] ?? '/usr/bin/chromium';
/** Screenshots and logs of failed runs (ignored by git). */
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const VSIX = path.join(ROOT, 'dist', 'go-env-doctor.vsix');
/** The integration suite's entry (compiled). */
export const INTEGRATION_INDEX = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
