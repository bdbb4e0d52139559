// undici is most of a bundle's size and load time: it is evaluated when the first dispatcher or
// request needs it, not when the CLI or the extension loads the network code.
import type * as Undici from 'undici';

let loaded: typeof Undici | undefined;

export function undici(): typeof Undici {
  // A static name, so esbuild still bundles it (as a module evaluated on this first call).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  return (loaded ??= require('undici') as typeof Undici);
}
