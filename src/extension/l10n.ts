// The extension's own runtime text. In VS Code it is `vscode.l10n` (translations in
// l10n/bundle.l10n.<language>.json, keyed by the English text); the pure presentation modules take
// it as a parameter so their unit tests run without VS Code, in English.
export interface L10n {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

/** VS Code's fallback: the English text with `{0}`, `{1}`… filled in. */
export const ENGLISH: L10n = {
  t: (message, ...args) =>
    message.replace(/\{(\d+)\}/g, (whole, i: string) => {
      const value = args[Number(i)];
      return value === undefined ? whole : String(value);
    }),
};
