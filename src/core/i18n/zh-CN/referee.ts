import type { referee as en } from '../en/referee';

export const referee: Record<keyof typeof en, string> = {
  'referee.failed.title': 'go 执行失败：{what}',
  'referee.failed.detail': '使用你的环境和一个临时模块缓存运行 go 命令时，{what} 失败了：{error}',
  'referee.ok.title': 'go 命令的结果与诊断一致',
  'referee.ok.detail': '使用你的环境和一个临时模块缓存，go 完成了：{done}。',
  'referee.ok.detailVersion': '使用你的环境和一个临时模块缓存，go 完成了：{done}。{version}。',
  'referee.ran': '{what}（{ms} 毫秒）',
  'referee.skipped': '{what}：未运行（{why}）',
  'referee.listed': '{id}（{subject}）',
  'referee.brokenButWorks.title': '诊断认为下载路径有问题，但 go 能下载模块',
  'referee.brokenButWorks.detail':
    'go 下载了 {downloaded}，但诊断报告了 {findings}。对构建而言，以 go 的成功为准；该诊断结果描述的可能是 go 根本用不到的一项（go 会继续尝试下一项），也可能是检查过于严格。请报告这一情况。',
  'referee.fineButFails.title': '诊断检查都通过了，但 go 无法下载模块',
  'referee.fineButFails.detail':
    'go 在 {failed} 上失败了（见 referee.failed），但诊断没有发现下载路径有问题。诊断的探测比真正的下载简单（模块代理可能能应答 @latest，却提供了损坏或被篡改的 zip）；上面 go 的报错才指出了真正的原因。',
  'referee.fineButFails.detailOk':
    'go 在 {failed} 上失败了（见 referee.failed），但诊断没有发现下载路径有问题：{findings}。诊断的探测比真正的下载简单（模块代理可能能应答 @latest，却提供了损坏或被篡改的 zip）；上面 go 的报错才指出了真正的原因。',
  'referee.otherGo.title': '这里实际运行的是 go {ran}；toolchain.plan 预测的是 {planned}',
  'referee.otherGo.detail':
    '在工作区中 go version 输出了“{output}”，但诊断的 toolchain.plan 预测的是 {planned}。以 go 的回答为准；请报告这一差异。',
};
