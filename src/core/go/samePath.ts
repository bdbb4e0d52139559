// Whether two paths name the same go binary. Windows file names ignore case and accept either
// slash, so C:\Go\bin\go.exe and c:/go/BIN/GO.EXE are one file; elsewhere names are compared as
// they are (realPath has already resolved links).
import * as path from 'node:path';
import type { Platform } from '../platform';

export function samePath(a: string, b: string, p: Pick<Platform, 'os'>): boolean {
  if (p.os !== 'win32') return a === b;
  const norm = (x: string) => path.win32.normalize(x).replace(/\\+$/, '').toLowerCase();
  return norm(a) === norm(b);
}
