import type { gomodParse as en } from '../en/gomodParse';

export const gomodParse: Record<keyof typeof en, string> = {
  'gomod.parse.block': '{verb} 指令不能写成块',
  'gomod.parse.usage': '用法：`{verb} {example}`',
  'gomod.parse.repeated': '{verb} 指令重复出现（第一次在第 {line} 行）',
  'gomod.parse.unclosed': '从这里开始的块没有用“)”闭合',
};
