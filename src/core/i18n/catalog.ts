// The message catalog: every user-facing sentence, by key, in English and Simplified Chinese.
// One file per domain under en/ and zh-CN/ (the zh-CN file is typed against the English one, so a
// missing key does not compile); placeholders are `{name}` and must match in both languages
// (test/unit/core/i18n/catalog.test.ts).
import { clock as enClock } from './en/clock';
import { common as enCommon } from './en/common';
import { mirrorCorrupt as enMirrorCorrupt } from './en/mirrorCorrupt';
import { clock as zhClock } from './zh-CN/clock';
import { common as zhCommon } from './zh-CN/common';
import { mirrorCorrupt as zhMirrorCorrupt } from './zh-CN/mirrorCorrupt';
import type { Lang } from './lang';

const EN = { ...enCommon, ...enClock, ...enMirrorCorrupt } as const;

export type MessageKey = keyof typeof EN;

const ZH_CN: Record<MessageKey, string> = { ...zhCommon, ...zhClock, ...zhMirrorCorrupt };

export const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en: EN, 'zh-CN': ZH_CN };
