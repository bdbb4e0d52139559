// The message catalog: every user-facing sentence, by key, in English and Simplified Chinese.
// One file per domain under en/ and zh-CN/ (the zh-CN file is typed against the English one, so a
// missing key does not compile); placeholders are `{name}` and must match in both languages
// (test/unit/core/i18n/catalog.test.ts).
import { clock as enClock } from './en/clock';
import { common as enCommon } from './en/common';
import { checkFixes as enCheckFixes } from './en/checkFixes';
import { clock as zhClock } from './zh-CN/clock';
import { common as zhCommon } from './zh-CN/common';
import { checkFixes as zhCheckFixes } from './zh-CN/checkFixes';
import { proxyHistory as enProxyHistory } from './en/proxyHistory';
import { proxyHistory as zhProxyHistory } from './zh-CN/proxyHistory';
import { dns as enDns } from './en/dns';
import { dns as zhDns } from './zh-CN/dns';
import { tls as enTls } from './en/tls';
import { tls as zhTls } from './zh-CN/tls';
import { envPath as enEnvPath } from './en/envPath';
import { envPath as zhEnvPath } from './zh-CN/envPath';
import { directCheck as enDirectCheck } from './en/directCheck';
import { directCheck as zhDirectCheck } from './zh-CN/directCheck';
import { whichGo as enWhichGo } from './en/whichGo';
import { whichGo as zhWhichGo } from './zh-CN/whichGo';
import { envCheck as enEnvCheck } from './en/envCheck';
import { envCheck as zhEnvCheck } from './zh-CN/envCheck';
import { envPatterns as enEnvPatterns } from './en/envPatterns';
import { envPatterns as zhEnvPatterns } from './zh-CN/envPatterns';
import { gomodCheck as enGomodCheck } from './en/gomodCheck';
import { gomodCheck as zhGomodCheck } from './zh-CN/gomodCheck';
import { httpProxy as enHttpProxy } from './en/httpProxy';
import { httpProxy as zhHttpProxy } from './zh-CN/httpProxy';
import { proxyCheck as enProxyCheck } from './en/proxyCheck';
import { proxyCheck as zhProxyCheck } from './zh-CN/proxyCheck';
import { checksumDb as enChecksumDb } from './en/checksumDb';
import { checksumDb as zhChecksumDb } from './zh-CN/checksumDb';
import { proxyContent as enProxyContent } from './en/proxyContent';
import { proxyContent as zhProxyContent } from './zh-CN/proxyContent';
import { dlRoute as enDlRoute } from './en/dlRoute';
import { dlRoute as zhDlRoute } from './zh-CN/dlRoute';
import { checksumGoSum as enChecksumGoSum } from './en/checksumGoSum';
import { checksumGoSum as zhChecksumGoSum } from './zh-CN/checksumGoSum';
import { workspaceToolchain as enWorkspaceToolchain } from './en/workspaceToolchain';
import { workspaceToolchain as zhWorkspaceToolchain } from './zh-CN/workspaceToolchain';
import type { Lang } from './lang';

const EN = {
  ...enCommon,
  ...enClock,
  ...enCheckFixes,
  ...enProxyHistory,
  ...enDns,
  ...enTls,
  ...enEnvPath,
  ...enDirectCheck,
  ...enWhichGo,
  ...enEnvCheck,
  ...enEnvPatterns,
  ...enGomodCheck,
  ...enHttpProxy,
  ...enProxyCheck,
  ...enChecksumDb,
  ...enProxyContent,
  ...enDlRoute,
  ...enChecksumGoSum,
  ...enWorkspaceToolchain,
} as const;

export type MessageKey = keyof typeof EN;

const ZH_CN: Record<MessageKey, string> = {
  ...zhCommon,
  ...zhClock,
  ...zhCheckFixes,
  ...zhProxyHistory,
  ...zhDns,
  ...zhTls,
  ...zhEnvPath,
  ...zhDirectCheck,
  ...zhWhichGo,
  ...zhEnvCheck,
  ...zhEnvPatterns,
  ...zhGomodCheck,
  ...zhHttpProxy,
  ...zhProxyCheck,
  ...zhChecksumDb,
  ...zhProxyContent,
  ...zhDlRoute,
  ...zhChecksumGoSum,
  ...zhWorkspaceToolchain,
};

export const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en: EN, 'zh-CN': ZH_CN };
