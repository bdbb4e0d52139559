// The message catalog: every user-facing sentence, by key, in English and Simplified Chinese.
// One file per domain under en/ and zh-CN/ (the zh-CN file is typed against the English one, so a
// missing key does not compile); placeholders are `{name}` and must match in both languages
// (test/unit/core/i18n/catalog.test.ts).
import { certs as enCerts } from './en/certs';
import { checkFixes as enCheckFixes } from './en/checkFixes';
import { checksumDb as enChecksumDb } from './en/checksumDb';
import { checksumGoSum as enChecksumGoSum } from './en/checksumGoSum';
import { cli as enCli } from './en/cli';
import { cliInstall as enCliInstall } from './en/cliInstall';
import { cliSetProxy as enCliSetProxy } from './en/cliSetProxy';
import { cliUsage as enCliUsage } from './en/cliUsage';
import { clock as enClock } from './en/clock';
import { common as enCommon } from './en/common';
import { directCheck as enDirectCheck } from './en/directCheck';
import { directOrigin as enDirectOrigin } from './en/directOrigin';
import { dlRoute as enDlRoute } from './en/dlRoute';
import { dns as enDns } from './en/dns';
import { envCheck as enEnvCheck } from './en/envCheck';
import { envPath as enEnvPath } from './en/envPath';
import { envPatterns as enEnvPatterns } from './en/envPatterns';
import { errors as enErrors } from './en/errors';
import { ext as enExt } from './en/ext';
import { go as enGo } from './en/go';
import { gomodCheck as enGomodCheck } from './en/gomodCheck';
import { gomodParse as enGomodParse } from './en/gomodParse';
import { httpProxy as enHttpProxy } from './en/httpProxy';
import { loginShell as enLoginShell } from './en/loginShell';
import { mirrorCorrupt as enMirrorCorrupt } from './en/mirrorCorrupt';
import { moduleRoutes as enModuleRoutes } from './en/moduleRoutes';
import { modules as enModules } from './en/modules';
import { net as enNet } from './en/net';
import { policy as enPolicy } from './en/policy';
import { probe as enProbe } from './en/probe';
import { proxyCheck as enProxyCheck } from './en/proxyCheck';
import { proxyContent as enProxyContent } from './en/proxyContent';
import { proxyHistory as enProxyHistory } from './en/proxyHistory';
import { proxyRewrite as enProxyRewrite } from './en/proxyRewrite';
import { referee as enReferee } from './en/referee';
import { refereeRuns as enRefereeRuns } from './en/refereeRuns';
import { report as enReport } from './en/report';
import { settingWords as enSettingWords } from './en/settingWords';
import { sumdbClient as enSumdbClient } from './en/sumdbClient';
import { tls as enTls } from './en/tls';
import { toolchain as enToolchain } from './en/toolchain';
import { toolchainSources as enToolchainSources } from './en/toolchainSources';
import { whichGo as enWhichGo } from './en/whichGo';
import { workspaceToolchain as enWorkspaceToolchain } from './en/workspaceToolchain';
import { certs as zhCerts } from './zh-CN/certs';
import { checkFixes as zhCheckFixes } from './zh-CN/checkFixes';
import { checksumDb as zhChecksumDb } from './zh-CN/checksumDb';
import { checksumGoSum as zhChecksumGoSum } from './zh-CN/checksumGoSum';
import { cli as zhCli } from './zh-CN/cli';
import { cliInstall as zhCliInstall } from './zh-CN/cliInstall';
import { cliSetProxy as zhCliSetProxy } from './zh-CN/cliSetProxy';
import { cliUsage as zhCliUsage } from './zh-CN/cliUsage';
import { clock as zhClock } from './zh-CN/clock';
import { common as zhCommon } from './zh-CN/common';
import { directCheck as zhDirectCheck } from './zh-CN/directCheck';
import { directOrigin as zhDirectOrigin } from './zh-CN/directOrigin';
import { dlRoute as zhDlRoute } from './zh-CN/dlRoute';
import { dns as zhDns } from './zh-CN/dns';
import { envCheck as zhEnvCheck } from './zh-CN/envCheck';
import { envPath as zhEnvPath } from './zh-CN/envPath';
import { envPatterns as zhEnvPatterns } from './zh-CN/envPatterns';
import { errors as zhErrors } from './zh-CN/errors';
import { ext as zhExt } from './zh-CN/ext';
import { go as zhGo } from './zh-CN/go';
import { gomodCheck as zhGomodCheck } from './zh-CN/gomodCheck';
import { gomodParse as zhGomodParse } from './zh-CN/gomodParse';
import { httpProxy as zhHttpProxy } from './zh-CN/httpProxy';
import { loginShell as zhLoginShell } from './zh-CN/loginShell';
import { mirrorCorrupt as zhMirrorCorrupt } from './zh-CN/mirrorCorrupt';
import { moduleRoutes as zhModuleRoutes } from './zh-CN/moduleRoutes';
import { modules as zhModules } from './zh-CN/modules';
import { net as zhNet } from './zh-CN/net';
import { policy as zhPolicy } from './zh-CN/policy';
import { probe as zhProbe } from './zh-CN/probe';
import { proxyCheck as zhProxyCheck } from './zh-CN/proxyCheck';
import { proxyContent as zhProxyContent } from './zh-CN/proxyContent';
import { proxyHistory as zhProxyHistory } from './zh-CN/proxyHistory';
import { proxyRewrite as zhProxyRewrite } from './zh-CN/proxyRewrite';
import { referee as zhReferee } from './zh-CN/referee';
import { refereeRuns as zhRefereeRuns } from './zh-CN/refereeRuns';
import { report as zhReport } from './zh-CN/report';
import { settingWords as zhSettingWords } from './zh-CN/settingWords';
import { sumdbClient as zhSumdbClient } from './zh-CN/sumdbClient';
import { tls as zhTls } from './zh-CN/tls';
import { toolchain as zhToolchain } from './zh-CN/toolchain';
import { toolchainSources as zhToolchainSources } from './zh-CN/toolchainSources';
import { whichGo as zhWhichGo } from './zh-CN/whichGo';
import { workspaceToolchain as zhWorkspaceToolchain } from './zh-CN/workspaceToolchain';
import type { Lang } from './lang';

const EN = {
  ...enCerts,
  ...enCheckFixes,
  ...enChecksumDb,
  ...enChecksumGoSum,
  ...enCli,
  ...enCliInstall,
  ...enCliSetProxy,
  ...enCliUsage,
  ...enClock,
  ...enCommon,
  ...enDirectCheck,
  ...enDirectOrigin,
  ...enDlRoute,
  ...enDns,
  ...enEnvCheck,
  ...enEnvPath,
  ...enEnvPatterns,
  ...enErrors,
  ...enExt,
  ...enGo,
  ...enGomodCheck,
  ...enGomodParse,
  ...enHttpProxy,
  ...enLoginShell,
  ...enMirrorCorrupt,
  ...enModuleRoutes,
  ...enModules,
  ...enNet,
  ...enPolicy,
  ...enProbe,
  ...enProxyCheck,
  ...enProxyContent,
  ...enProxyHistory,
  ...enProxyRewrite,
  ...enReferee,
  ...enRefereeRuns,
  ...enReport,
  ...enSettingWords,
  ...enSumdbClient,
  ...enTls,
  ...enToolchain,
  ...enToolchainSources,
  ...enWhichGo,
  ...enWorkspaceToolchain,
} as const;

export type MessageKey = keyof typeof EN;

const ZH_CN: Record<MessageKey, string> = {
  ...zhCerts,
  ...zhCheckFixes,
  ...zhChecksumDb,
  ...zhChecksumGoSum,
  ...zhCli,
  ...zhCliInstall,
  ...zhCliSetProxy,
  ...zhCliUsage,
  ...zhClock,
  ...zhCommon,
  ...zhDirectCheck,
  ...zhDirectOrigin,
  ...zhDlRoute,
  ...zhDns,
  ...zhEnvCheck,
  ...zhEnvPath,
  ...zhEnvPatterns,
  ...zhErrors,
  ...zhExt,
  ...zhGo,
  ...zhGomodCheck,
  ...zhGomodParse,
  ...zhHttpProxy,
  ...zhLoginShell,
  ...zhMirrorCorrupt,
  ...zhModuleRoutes,
  ...zhModules,
  ...zhNet,
  ...zhPolicy,
  ...zhProbe,
  ...zhProxyCheck,
  ...zhProxyContent,
  ...zhProxyHistory,
  ...zhProxyRewrite,
  ...zhReferee,
  ...zhRefereeRuns,
  ...zhReport,
  ...zhSettingWords,
  ...zhSumdbClient,
  ...zhTls,
  ...zhToolchain,
  ...zhToolchainSources,
  ...zhWhichGo,
  ...zhWorkspaceToolchain,
};

export const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en: EN, 'zh-CN': ZH_CN };
