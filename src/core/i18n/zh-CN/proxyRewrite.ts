import type { proxyRewrite as en } from '../en/proxyRewrite';

export const proxyRewrite: Record<keyof typeof en, string> = {
  'proxyRewrite.goNotFound.explicit': 'go 可执行文件 {go} 不存在或不可执行。',
  'proxyRewrite.goNotFound.searched': '没有找到 go 可执行文件（查找了 {count} 个位置，PATH 优先）。',
  'proxyRewrite.goNotFound.remedy': '请安装 Go（`go-env-doctor install latest`），或用 --go 指定要使用的 go。',
  'proxyRewrite.goenvOff.message': 'GOENV 为 "off"，go 命令不读取任何 go env 配置文件，`go env -w` 也无法写入。',
  'proxyRewrite.goenvOff.remedy':
    '请取消设置 GOENV（或让它指向一个文件），以便 go-env-doctor 修改设置；或者自行在环境变量中设置 GOPROXY。',
  'proxyRewrite.invalidGoproxy.message': 'GOPROXY "{value}" 无效：{why}。',
  'proxyRewrite.invalidGoproxy.remedy':
    '每一项应是 https://（或 http://、file://）URL，或关键字 direct、off；各项之间用 ","（遇到 404/410 时尝试下一项）或 "|"（遇到任何错误都尝试下一项）分隔。',
  'proxyRewrite.noModCache.message': '`go env GOMODCACHE` 为空，没有可用的模块缓存。',
  'proxyRewrite.noModCache.remedy':
    '请设置 GOPATH 或 GOMODCACHE（go env -w GOMODCACHE=...），在联网时先下载一次模块，然后重试。',
  'proxyRewrite.noHealthyMirror': '没有一个候选镜像是健康的，因此 GOPROXY 保持不变',
  'proxyRewrite.noValue': '该方案没有给出取值',
  'proxyRewrite.nothingToWrite.message': '没有可写入的内容：{why}。',
  'proxyRewrite.nothingToWrite.remedy': '请查看每个镜像被否决的原因。',
  'proxyRewrite.changed.message': '制定方案之后，{file} 中的 GOPROXY 已被修改（原为 {before}，现为 {now}）。',
  'proxyRewrite.changed.envFile': 'go env 配置文件',
  'proxyRewrite.changed.notSet': '未设置',
  'proxyRewrite.changed.remedy': '请重新制定方案，以便保存下来的原值就是文件中实际的值。',
  'proxyRewrite.goEnv.timeout': '在 {ms} 毫秒内没有应答',
  'proxyRewrite.goEnv.cancelled': '已被取消',
  'proxyRewrite.goEnv.spawn': '无法启动（{code}：{error}）',
  'proxyRewrite.goEnv.notJson': '输出的内容不是 go env 的输出',
  'proxyRewrite.failed.code': '失败，退出码 {code}',
  'proxyRewrite.failed.signal': '失败（被 {signal} 终止）',
  'proxyRewrite.failedSaid': '{failed}：{stderr}',
  'proxyRewrite.goEnvFailed.message': '`{go} env -json` {reason}。',
  'proxyRewrite.goEnvFailed.remedy': '请运行 `go-env-doctor diagnose` 找出这个 go 的问题，或用 --go 指定另一个 go。',
  'proxyRewrite.envFileUnreadable.message': '无法读取 go env 配置文件 {file}：{error}。',
  'proxyRewrite.envFileUnreadable.remedy': '请修正它的权限（你必须能读写该文件），然后重试。',
  'proxyRewrite.write.failed': '`{command}` {failed}：{stderr}。',
  'proxyRewrite.write.noMessage': '没有输出任何信息',
  'proxyRewrite.write.timeout': '`{command}` 在 {ms} 毫秒内没有完成。',
  'proxyRewrite.write.cancelled': '`{command}` 已被取消。',
  'proxyRewrite.write.cancelled.remedy': '请重新运行该命令。',
  'proxyRewrite.write.spawn': '`{command}` 无法启动（{code}：{error}）。',
  'proxyRewrite.write.spawn.remedy': '请用 --go 指定一个可用的 go。',
  'proxyRewrite.write.remedy':
    '请确认 go env 配置文件可写（`go env GOENV` 会给出其路径），并且 GOENV 不是 "off"；自己运行同一条命令可以看到 go 的完整报错。',
  'proxyRewrite.state.unreadable.message': '无法读取 {file} 中保存的代理设置：{error}。',
  'proxyRewrite.state.unreadable.remedy': '请修正该文件的权限。',
  'proxyRewrite.state.corrupt.message': '{file} 中保存的代理设置格式不符合预期（{error}）。',
  'proxyRewrite.state.corrupt.remedy':
    '请查看该文件：它记录了 go-env-doctor 修改之前的 GOPROXY。把它移到别处即可从头开始。',
  'proxyRewrite.state.unwritable.message': '无法将原来的代理设置保存到 {file}：{error}。',
  'proxyRewrite.state.unwritable.remedy':
    '请让该目录可写（或将 XDG_STATE_HOME 设为一个可写的目录）；尚未修改任何内容。',
};
