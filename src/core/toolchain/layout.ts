// Where a toolchain and its transient files live inside the SDK directory. The layout is the one
// golang.org/dl and vscode-go's "Choose Go Environment" use: `<dir>/go1.22.5` with a
// `.unpacked-success` marker written last.
import * as path from 'node:path';
import type { Platform } from '../platform';

/** golang.org/dl writes this file once an unpack is complete; we write it last, too. */
export const MARKER_FILE = '.unpacked-success';

export function defaultSdkDir(platform: Pick<Platform, 'homeDir'>): string {
  return path.join(platform.homeDir, 'sdk');
}

/** `<dir>/go1.22.5` */
export function gorootFor(dir: string, name: string): string {
  return path.join(dir, name);
}

export function lockPathFor(dir: string, name: string): string {
  return path.join(dir, `.${name}.lock`);
}

/** Staging directories sit next to the target so the final rename stays on one file system. */
export function stagingPrefix(name: string): string {
  return `.${name}.staging-`;
}

/** An incomplete previous unpack is moved here before the new tree is renamed into place. */
export function oldPrefix(name: string): string {
  return `.${name}.old-`;
}

/** Resumable downloads, named by the expected SHA-256 so a restart finds and re-checks them. */
export function defaultDownloadDir(dir: string): string {
  return path.join(dir, '.downloads');
}

export function partialPathFor(downloadDir: string, sha256: string): string {
  return path.join(downloadDir, `${sha256}.partial`);
}
