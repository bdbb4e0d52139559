// The message catalog: every user-facing sentence, by key, in English and Simplified Chinese.
// One file per domain under en/ and zh-CN/ (the zh-CN file is typed against the English one, so a
// missing key does not compile); placeholders are `{name}` and must match in both languages
// (test/unit/core/i18n/catalog.test.ts).
import { clock as enClock } from './en/clock';
import { common as enCommon } from './en/common';
import { errors as enErrors } from './en/errors';
import { toolchain as enToolchain } from './en/toolchain';
import { proxyRewrite as enProxyRewrite } from './en/proxyRewrite';
import { certs as enCerts } from './en/certs';
import { modules as enModules } from './en/modules';
import { net as enNet } from './en/net';
import { policy as enPolicy } from './en/policy';
import { referee as enReferee } from './en/referee';
import { go as enGo } from './en/go';
import { clock as zhClock } from './zh-CN/clock';
import { common as zhCommon } from './zh-CN/common';
import { errors as zhErrors } from './zh-CN/errors';
import { toolchain as zhToolchain } from './zh-CN/toolchain';
import { proxyRewrite as zhProxyRewrite } from './zh-CN/proxyRewrite';
import { certs as zhCerts } from './zh-CN/certs';
import { modules as zhModules } from './zh-CN/modules';
import { net as zhNet } from './zh-CN/net';
import { policy as zhPolicy } from './zh-CN/policy';
import { referee as zhReferee } from './zh-CN/referee';
import { go as zhGo } from './zh-CN/go';
import type { Lang } from './lang';

const EN = {
  ...enCommon,
  ...enClock,
  ...enToolchain,
  ...enErrors,
  ...enProxyRewrite,
  ...enCerts,
  ...enModules,
  ...enNet,
  ...enPolicy,
  ...enReferee,
  ...enGo,
} as const;

export type MessageKey = keyof typeof EN;

const ZH_CN: Record<MessageKey, string> = {
  ...zhCommon,
  ...zhClock,
  ...zhToolchain,
  ...zhErrors,
  ...zhProxyRewrite,
  ...zhCerts,
  ...zhModules,
  ...zhNet,
  ...zhPolicy,
  ...zhReferee,
  ...zhGo,
};

export const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en: EN, 'zh-CN': ZH_CN };
