// A list of failures as one Param: "a; b; c" in English, "a；b；c" in Chinese.
import { msg, type Param } from './message';

export function joinFailures(items: readonly Param[]): Param {
  if (items.length === 0) return '';
  return items.reduce((a, b) => msg('errors.join', { a, b }));
}
