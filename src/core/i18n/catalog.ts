// The message catalog: every user-facing sentence, by key, in English and Simplified Chinese.
// One file per domain under en/ and zh-CN/ (the zh-CN file is typed against the English one, so a
// missing key does not compile); placeholders are `{name}` and must match in both languages
// (test/unit/core/i18n/catalog.test.ts).
import { checkFixes as enCheckFixes } from './en/checkFixes';
import { checksumDb as enChecksumDb } from './en/checksumDb';
import { checksumGoSum as enChecksumGoSum } from './en/checksumGoSum';
import { clock as enClock } from './en/clock';
import { common as enCommon } from './en/common';
import { directCheck as enDirectCheck } from './en/directCheck';
import { dlRoute as enDlRoute } from './en/dlRoute';
import { dns as enDns } from './en/dns';
import { envCheck as enEnvCheck } from './en/envCheck';
import { envPath as enEnvPath } from './en/envPath';
import { envPatterns as enEnvPatterns } from './en/envPatterns';
import { gomodCheck as enGomodCheck } from './en/gomodCheck';
import { httpProxy as enHttpProxy } from './en/httpProxy';
import { loginShell as enLoginShell } from './en/loginShell';
import { moduleRoutes as enModuleRoutes } from './en/moduleRoutes';
import { proxyCheck as enProxyCheck } from './en/proxyCheck';
import { proxyContent as enProxyContent } from './en/proxyContent';
import { proxyHistory as enProxyHistory } from './en/proxyHistory';
import { tls as enTls } from './en/tls';
import { whichGo as enWhichGo } from './en/whichGo';
import { workspaceToolchain as enWorkspaceToolchain } from './en/workspaceToolchain';
import { checkFixes as zhCheckFixes } from './zh-CN/checkFixes';
import { checksumDb as zhChecksumDb } from './zh-CN/checksumDb';
import { checksumGoSum as zhChecksumGoSum } from './zh-CN/checksumGoSum';
import { clock as zhClock } from './zh-CN/clock';
import { common as zhCommon } from './zh-CN/common';
import { directCheck as zhDirectCheck } from './zh-CN/directCheck';
import { dlRoute as zhDlRoute } from './zh-CN/dlRoute';
import { dns as zhDns } from './zh-CN/dns';
import { envCheck as zhEnvCheck } from './zh-CN/envCheck';
import { envPath as zhEnvPath } from './zh-CN/envPath';
import { envPatterns as zhEnvPatterns } from './zh-CN/envPatterns';
import { gomodCheck as zhGomodCheck } from './zh-CN/gomodCheck';
import { httpProxy as zhHttpProxy } from './zh-CN/httpProxy';
import { loginShell as zhLoginShell } from './zh-CN/loginShell';
import { moduleRoutes as zhModuleRoutes } from './zh-CN/moduleRoutes';
import { proxyCheck as zhProxyCheck } from './zh-CN/proxyCheck';
import { proxyContent as zhProxyContent } from './zh-CN/proxyContent';
import { proxyHistory as zhProxyHistory } from './zh-CN/proxyHistory';
import { tls as zhTls } from './zh-CN/tls';
import { whichGo as zhWhichGo } from './zh-CN/whichGo';
import { workspaceToolchain as zhWorkspaceToolchain } from './zh-CN/workspaceToolchain';
import type { Lang } from './lang';

const EN = {
  ...enCheckFixes,
  ...enChecksumDb,
  ...enChecksumGoSum,
  ...enClock,
  ...enCommon,
  ...enDirectCheck,
  ...enDlRoute,
  ...enDns,
  ...enEnvCheck,
  ...enEnvPath,
  ...enEnvPatterns,
  ...enGomodCheck,
  ...enHttpProxy,
  ...enLoginShell,
  ...enModuleRoutes,
  ...enProxyCheck,
  ...enProxyContent,
  ...enProxyHistory,
  ...enTls,
  ...enWhichGo,
  ...enWorkspaceToolchain,
} as const;

export type MessageKey = keyof typeof EN;

const ZH_CN: Record<MessageKey, string> = {
  ...zhCheckFixes,
  ...zhChecksumDb,
  ...zhChecksumGoSum,
  ...zhClock,
  ...zhCommon,
  ...zhDirectCheck,
  ...zhDlRoute,
  ...zhDns,
  ...zhEnvCheck,
  ...zhEnvPath,
  ...zhEnvPatterns,
  ...zhGomodCheck,
  ...zhHttpProxy,
  ...zhLoginShell,
  ...zhModuleRoutes,
  ...zhProxyCheck,
  ...zhProxyContent,
  ...zhProxyHistory,
  ...zhTls,
  ...zhWhichGo,
  ...zhWorkspaceToolchain,
};

export const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en: EN, 'zh-CN': ZH_CN };
