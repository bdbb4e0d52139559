import type { directOrigin as en } from '../en/directOrigin';

export const directOrigin: Record<keyof typeof en, string> = {
  'direct.origin.notUrl': '“{url}”不是 URL',
};
