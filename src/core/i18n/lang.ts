// Which language to speak: English, or Simplified Chinese for users whose locale is Chinese.
export type Lang = 'en' | 'zh-CN';

export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

/** `zh_CN.UTF-8`, `zh-CN`, `zh_SG`, `zh-Hans…` are Simplified Chinese; everything else is English. */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const l = locale.trim().toLowerCase().replace(/_/g, '-');
  if (l === '' || l === 'c' || l === 'posix' || l.startsWith('c.')) return undefined;
  if (l === 'zh' || l.startsWith('zh-cn') || l.startsWith('zh-sg') || l.startsWith('zh-hans')) return 'zh-CN';
  return 'en';
}

/** The `--lang` value, or undefined when it names no language we speak. */
export function parseLang(value: string): Lang | undefined {
  const l = value.trim().toLowerCase().replace(/_/g, '-');
  if (l === 'en' || l.startsWith('en-')) return 'en';
  if (l === 'zh-cn' || l === 'zh' || l === 'zh-hans') return 'zh-CN';
  return undefined;
}

/**
 * The CLI's language: `--lang`, else LC_ALL, LC_MESSAGES, LANG (the first one set, as POSIX
 * orders them), else the Windows UI language when given, else English.
 */
export function pickLang(input: {
  flag?: Lang;
  env: Readonly<Record<string, string | undefined>>;
  windowsUiLanguage?: string;
}): Lang {
  if (input.flag) return input.flag;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = input.env[name];
    if (value) return langOfLocale(value) ?? 'en';
  }
  return langOfLocale(input.windowsUiLanguage) ?? 'en';
}

/** VS Code's display language (`vscode.env.language`: `zh-cn`, `en`, `zh-tw`, …). */
export function langOfVscode(language: string): Lang {
  return language.toLowerCase() === 'zh-cn' ? 'zh-CN' : 'en';
}
