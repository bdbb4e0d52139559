// The message catalog: every user-facing sentence, by key, in English and Simplified Chinese.
// One file per domain under en/ and zh-CN/ (the zh-CN file is typed against the English one, so a
// missing key does not compile); placeholders are `{name}` and must match in both languages
// (test/unit/core/i18n/catalog.test.ts).
import { cli as enCli } from './en/cli';
import { cliInstall as enCliInstall } from './en/cliInstall';
import { cliSetProxy as enCliSetProxy } from './en/cliSetProxy';
import { cliUsage as enCliUsage } from './en/cliUsage';
import { clock as enClock } from './en/clock';
import { common as enCommon } from './en/common';
import { report as enReport } from './en/report';
import { cli as zhCli } from './zh-CN/cli';
import { cliInstall as zhCliInstall } from './zh-CN/cliInstall';
import { cliSetProxy as zhCliSetProxy } from './zh-CN/cliSetProxy';
import { cliUsage as zhCliUsage } from './zh-CN/cliUsage';
import { clock as zhClock } from './zh-CN/clock';
import { common as zhCommon } from './zh-CN/common';
import { report as zhReport } from './zh-CN/report';
import type { Lang } from './lang';

const EN = {
  ...enCommon,
  ...enClock,
  ...enReport,
  ...enCli,
  ...enCliUsage,
  ...enCliSetProxy,
  ...enCliInstall,
} as const;

export type MessageKey = keyof typeof EN;

const ZH_CN: Record<MessageKey, string> = {
  ...zhCommon,
  ...zhClock,
  ...zhReport,
  ...zhCli,
  ...zhCliUsage,
  ...zhCliSetProxy,
  ...zhCliInstall,
};

export const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en: EN, 'zh-CN': ZH_CN };
