import type { envPatterns as en } from '../en/envPatterns';

export const envPatterns: Record<keyof typeof en, string> = {
  'check.env.lookalike.fullwidthComma': '全角逗号（，）',
  'check.env.lookalike.ideographicComma': '顿号（、）',
  'check.env.lookalike.fullwidthBar': '全角竖线（｜）',
  'check.env.lookalike.ideographicSpace': '全角空格（U+3000）',
  'check.env.lookalike.noBreakSpace': '不换行空格（U+00A0）',
  'check.env.lookalike.zeroWidthSpace': '零宽空格（U+200B）',
  'check.env.lookalike.zeroWidthNonJoiner': '零宽非连接符（U+200C）',
  'check.env.lookalike.zeroWidthJoiner': '零宽连接符（U+200D）',
  'check.env.lookalike.byteOrderMark': '字节顺序标记（U+FEFF）',
  'check.env.lookalike.curlyQuote': '弯引号（{char}）',
  'check.env.lookalike.fullwidthColon': '全角冒号（：）',
  'check.env.lookalike.fullwidthSlash': '全角斜杠（／）',
  'check.env.lookalike.at': '第 {at} 个字符是{char}',
  'check.env.lookalike.title.one': '{name} 中有一个看起来像标点或空白的字符',
  'check.env.lookalike.title.many': '{name} 中有几个看起来像标点或空白的字符',
  'check.env.lookalike.detail':
    '{name} 为“{value}”：其中{where}。这类字符通常是用输入法打出来的，或从网页、聊天记录中粘贴进来的。{effect}请用普通字符重新设置：“{cleaned}”。',
  'check.env.lookalike.effect.proxy':
    'go 命令不会把它当作分隔符或空白，因此它所在的条目并不是你想要的 URL，通过该条目的下载都会失败。',
  'check.env.lookalike.effect.pattern':
    'go 命令不会把它当作分隔符或空白，因此它所在的模式匹配不到任何模块路径，这些模块也就不会被当作私有模块。',
  'check.env.fix.retype': '用普通 ASCII 字符重新输入 {name}',
  'check.env.broad.everything': '“{pattern}”会匹配所有模块路径',
  'check.env.broad.sharedHost': '“{pattern}”是托管众多作者模块的公共主机，因此会匹配所有这些模块',
  'check.env.broad.title': '{name} 中的模式“{pattern}”覆盖的范围远超你自己的模块',
  'check.env.broad.detail':
    '{name} 为“{value}”：{why}。{effect}。只列出你自己的代码：私有服务器的主机名（如 git.corp.example），或公共托管平台上的“主机/组织”（如 github.com/your-org）。',
  'check.env.broad.effect.nosumdb':
    '它匹配的模块永远不会与校验和数据库核对，因此即使是公开代码，模块代理或源仓库被篡改也无从察觉',
  'check.env.broad.effect.noproxy': '它匹配的模块会绕过 GOPROXY，直接从源仓库获取，这就要求所有这些源仓库都能访问',
  'check.env.broad.effect.insecure': '它匹配的模块可能通过明文 HTTP 或不校验证书的连接下载',
  'check.env.fix.removePattern': '从 {name} 中删除“{pattern}”',
};
