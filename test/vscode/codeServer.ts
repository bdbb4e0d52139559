// Installs (once, into .cache/) and starts code-server 4.100.3 — VS Code 1.100.3's server and
// web workbench — on 127.0.0.1 with throwaway user data, and stops it with its whole process
// group (extension host, terminals, go children).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, promises as fs } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { CODE_SERVER_ENTRY, CODE_SERVER_PREFIX, CODE_SERVER_VERSION, SETUP_SCRIPT } from './paths';

const live = new Set<ChildProcess>();

/** code-server asks open-vsx.org for extension updates; point it at a loopback port instead. */
const NO_GALLERY = {
  EXTENSIONS_GALLERY: JSON.stringify({
    serviceUrl: 'http://127.0.0.1:9/gallery',
    itemUrl: 'http://127.0.0.1:9/item',
    resourceUrlTemplate: 'http://127.0.0.1:9/resource/{publisher}/{name}/{version}/{path}',
  }),
};
let exitHookInstalled = false;

/** Kills every code-server we started if the launcher dies first (SIGINT, an uncaught error). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const child of live) killGroup(child);
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      killAll();
      process.exit(130);
    });
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Runs test/vscode/setup.sh when code-server is not in .cache yet. */
export async function ensureCodeServer(): Promise<void> {
  if (existsSync(CODE_SERVER_ENTRY) && existsSync(path.join(CODE_SERVER_PREFIX, `.installed-${CODE_SERVER_VERSION}`)))
    return;
  console.log(`code-server ${CODE_SERVER_VERSION} is not in ${CODE_SERVER_PREFIX}; running ${SETUP_SCRIPT}`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn('bash', [SETUP_SCRIPT], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${SETUP_SCRIPT} exited with ${code}`))));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface CodeServerOptions {
  workspace: string;
  extensionsDir: string;
  userDataDir: string;
  /** false: workspace trust stays on, so a new folder opens in restricted mode. */
  trustAll: boolean;
  /** The environment of the server, hence of the extension host, its go and its terminals. */
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** The display language (`--locale`), e.g. `zh-cn`; it needs a language pack in extensionsDir. */
  locale?: string;
}

export interface RunningCodeServer {
  origin: string;
  /** The workbench URL for the workspace, with an optional payload (extension tests). */
  workbenchUrl(payload?: [string, string][]): string;
  /** A message when the server has exited, else undefined. */
  exited(): string | undefined;
  stop(): Promise<void>;
}

/** The user settings every run starts with: quiet, no prompts, nothing reaching out. */
export async function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): Promise<void> {
  const dir = path.join(userDataDir, 'User');
  await fs.mkdir(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    'git.enabled': false,
    'npm.autoDetect': 'off',
    'window.dialogStyle': 'custom',
    // When go.mod needs a Go that is not installed, the diagnosis probes the toolchain download
    // route: on a refused loopback port unless a test serves one, never the public release hosts.
    'goEnv.toolchain.dlBase': 'http://127.0.0.1:9/dl/',
    ...extra,
  };
  await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
  });
}

export async function startCodeServer(o: CodeServerOptions): Promise<RunningCodeServer> {
  installExitHook();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(o.trustAll ? ['--disable-workspace-trust'] : []),
    ...(o.locale ? ['--locale', o.locale] : []),
    '--extensions-dir',
    o.extensionsDir,
    '--user-data-dir',
    o.userDataDir,
    o.workspace,
  ];
  const log = createWriteStream(o.logFile);
  const child = spawn(process.execPath, args, {
    env: { ...o.env, ...NO_GALLERY },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  live.add(child);
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  let exitMessage: string | undefined;
  const exitedPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exitMessage = `code-server exited (${signal ?? code}); see ${o.logFile}`;
      live.delete(child);
      resolve();
    });
  });
  child.on('error', (err) => {
    exitMessage = `code-server could not start: ${err.message}`;
  });

  const deadline = Date.now() + 60_000;
  while ((await get(`${origin}/healthz`)) !== 200) {
    if (exitMessage) throw new Error(exitMessage);
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error(`code-server did not answer on ${origin} within 60 s; see ${o.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    origin,
    workbenchUrl(payload) {
      const q = new URLSearchParams({ folder: o.workspace });
      if (payload) q.set('payload', JSON.stringify(payload));
      return `${origin}/?${q.toString()}`;
    },
    exited: () => exitMessage,
    async stop() {
      killGroup(child, 'SIGTERM');
      const done = await Promise.race([
        exitedPromise.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 3000)),
      ]);
      // The extension host and terminals share the group: make sure none is left behind.
      killGroup(child, 'SIGKILL');
      if (!done) await Promise.race([exitedPromise, new Promise((r) => setTimeout(r, 2000))]);
      live.delete(child);
      log.end();
    },
  };
}

/** `code-server --install-extension file.vsix` into an extensions folder. */
export async function installVsix(
  vsix: string,
  extensionsDir: string,
  userDataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const child = spawn(
      process.execPath,
      [
        CODE_SERVER_ENTRY,
        '--extensions-dir',
        extensionsDir,
        '--user-data-dir',
        userDataDir,
        '--install-extension',
        vsix,
      ],
      {
        env: { ...env, ...NO_GALLERY },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 && /successfully installed/i.test(output)
        ? resolve()
        : reject(new Error(`installing ${vsix} failed (${code}):\n${output}`)),
    );
  });
}
