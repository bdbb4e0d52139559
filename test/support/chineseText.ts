// Checks that a text rendered in Simplified Chinese is really Chinese: no `{placeholder}` left, no
// catalog key shown instead of a sentence, and no English sentence of ours left in it.
import * as assert from 'node:assert/strict';
import { CATALOGS } from '../../src/core/i18n/catalog';

/** Four English words in a row, once code, quotes, URLs, paths, hosts and identifiers are removed. */
export function englishRun(text: string): string | undefined {
  const prose = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"|“[^”]*”|'[^']*'/g, ' ')
    .replace(/\S+:\/\/\S*/g, ' ')
    .split(/[\s，。；：、（）()！？—]+/)
    // Identifiers, commands, flags, hosts, paths, versions, hashes: anything with more than letters.
    .map((w) => (/^[A-Za-z]+[,.;:]?$/.test(w) && !/^[A-Z0-9_]{2,}$/.test(w) ? w : '|'))
    .join(' ');
  return /(?:^| )([A-Za-z]+[,.;:]? [A-Za-z]+[,.;:]? [A-Za-z]+[,.;:]? [A-Za-z]+)/.exec(prose)?.[1];
}

/**
 * Asserts that `text` reads as Chinese. `outside` lists text that is not ours (a server's or go's
 * own words, paths, hosts), which may stay as it is.
 */
export function assertChinese(text: string, outside: readonly string[] = []): void {
  let ours = text;
  for (const o of outside) ours = ours.split(o).join(' ');
  assert.doesNotMatch(ours, /\{[A-Za-z0-9_]+\}/, `placeholder left in: ${text}`);
  assert.ok(!(ours.trim() in CATALOGS.en), `a key instead of a sentence: ${text}`);
  assert.match(ours, /[\u4e00-\u9fff]/, `no Chinese in: ${text}`);
  assert.equal(englishRun(ours), undefined, `English words in: ${text}`);
}
