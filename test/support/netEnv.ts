// A Platform and a NetContext for network-check tests: Go's trust set is exactly the test CA
// (SSL_CERT_FILE, plus an empty SSL_CERT_DIR so the machine's CAs play no part).
import type { Platform } from '../../src/core/platform';
import { loadGoTrust } from '../../src/core/net/trust';
import { netProxyConfigFromEnv } from '../../src/core/net/netproxy';
import { netContext, type NetContext } from '../../src/core/checks/netContext';
import { rm } from 'node:fs/promises';
import { removeTestCerts, testCerts, writeCertDir } from './certs';

let emptyDir: Promise<string> | undefined;

/** Removes the generated certificates and the empty cert dir (register as a root-level mocha `after`). */
export async function removeNetTestFiles(): Promise<void> {
  const dir = emptyDir;
  emptyDir = undefined;
  if (dir) await rm(await dir, { recursive: true, force: true });
  await removeTestCerts();
}

/** env with SSL_CERT_FILE = the test CA and an empty SSL_CERT_DIR, plus `extra`. */
export async function testEnv(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const certs = await testCerts();
  emptyDir ??= writeCertDir({});
  return { SSL_CERT_FILE: certs.ca.file, SSL_CERT_DIR: await emptyDir, ...extra };
}

export function testPlatform(env: NodeJS.ProcessEnv, now: () => number = () => Date.now()): Platform {
  return { env, homeDir: '/nonexistent-home', os: 'linux', arch: 'x64', now };
}

export async function testNet(
  o: {
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    now?: () => number;
    signal?: AbortSignal;
    lookup?: Platform['lookup'];
    /** A responder started by the test (dnsResponder.ts), asked through the real resolver code. */
    dnsServers?: Platform['dnsServers'];
  } = {},
): Promise<NetContext> {
  const env = await testEnv(o.env);
  const platform = {
    ...testPlatform(env, o.now),
    ...(o.lookup ? { lookup: o.lookup } : {}),
    ...(o.dnsServers ? { dnsServers: o.dnsServers } : {}),
  };
  return netContext({
    trust: () => loadGoTrust(platform),
    netproxy: netProxyConfigFromEnv(env),
    timeoutMs: o.timeoutMs ?? 2000,
    platform,
    ...(o.signal ? { signal: o.signal } : {}),
  });
}
