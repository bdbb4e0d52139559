import type { toolchain as en } from '../en/toolchain';

export const toolchain: Record<keyof typeof en, string> = {
  'toolchain.fs.saveDownload': '将下载内容保存到 {path}',
  'toolchain.fs.createDownloadDir': '创建下载目录 {path}',
  'toolchain.fs.unpack': '将工具链解压到 {path}',
  'toolchain.fs.createDir': '创建目录 {path}',
  'toolchain.fs.createLock': '创建安装锁 {path}',
  'toolchain.fs.removeStaging': '清理 {path} 中遗留的暂存目录',
  'toolchain.fs.createStaging': '在 {path} 中创建暂存目录',
  'toolchain.fs.writeMarker': '在 {path} 中写入安装完成标记',
  'toolchain.fs.moveIn': '将工具链移入 {path}',
  'toolchain.fs.rename': '重命名 {path}',
  'toolchain.fs.remove': '删除 {path}',
  'toolchain.diskFull.write.message': '磁盘空间不足，无法{action}（{code}）。',
  'toolchain.diskFull.write.remedy':
    '请清理该磁盘（一个 Go 工具链解压后约需 300 MB），或用 --dir 安装到其他位置，然后重新安装。之前安装的工具链未受影响。',
  'toolchain.permissionDenied.message': '权限不足：无法{action}（{code}：{error}）。',
  'toolchain.permissionDenied.remedy':
    '请用 --dir 选择一个有写权限的目录（默认为 ~/sdk），或修正该目录的所有者。不要为了绕过这个问题而以 root 身份安装。',
  'toolchain.diskFull.check.message':
    '磁盘空间不足，无法将 {what} 安装到 {dir}：约需 {needed}，目前只有 {available} 可用。',
  'toolchain.diskFull.check.remedy':
    '请在该磁盘上至少腾出 {missing}，或用 --dir 安装到其他位置，然后重新安装。尚未下载或修改任何内容。',
  'toolchain.fileLocked.message': '无法{action}：另一个程序占用着它（{code}），等待 {seconds} 秒后仍未释放。',
  'toolchain.fileLocked.remedy':
    '通常是杀毒软件正在扫描新文件，或有终端、编辑器打开在该文件夹中。请关闭位于该文件夹的终端，等待扫描结束（或将 Go 安装目录排除在实时扫描之外），然后重新安装。原有的工具链未被替换。',
  'toolchain.unsafeSdkDir.everyUser': '所有用户',
  'toolchain.unsafeSdkDir.group': '其所属组',
  'toolchain.unsafeSdkDir.writable.message':
    'SDK 目录 {dir} 可被{who}写入（权限 {mode}）：其他账户可能在校验之后替换其中的工具链。未安装任何内容。',
  'toolchain.unsafeSdkDir.writable.remedy': '请将其改为仅所有者可写：chmod go-w {dir}。或用 --dir 安装到其他位置。',
  'toolchain.unsafeSdkDir.owner.message':
    'SDK 目录 {dir} 属于另一个用户（uid {uid}），该用户可能在校验之后替换其中的工具链。未安装任何内容。',
  'toolchain.unsafeSdkDir.owner.remedy':
    '请以 {dir} 的所有者身份安装，或用 --dir 安装到自己拥有的目录（默认为 ~/sdk）。',
  'toolchain.unsafeSdkDir.link.message':
    '未完成的下载文件 {path} 是一个符号链接；go-env-doctor 不会通过链接写入或续传。',
  'toolchain.unsafeSdkDir.link.remedy': '请删除它（rm {path}），查明是谁创建的，然后重新安装。',
  'toolchain.noGoBinary.message': '{name} 的归档已通过校验，但其根目录下没有 bin/go。',
  'toolchain.noGoBinary.remedy': '这不是 Go 工具链归档；请向提供发布索引的一方报告。',
  'toolchain.unsafeEntry.message': '{name} 的归档中有一个不能安全解压的条目：{reason}。',
  'toolchain.unsafeEntry.remedy':
    '未安装任何内容。官方 Go 归档只包含 go/ 下的普通文件和目录；请向提供发布索引的一方报告。',
  'toolchain.archiveMismatch.message': '{file} 与官方发布索引中的 SHA-256（{sha256}）不符：{mismatched}。',
  'toolchain.archiveMismatch.messageOthersFailed':
    '{file} 与官方发布索引中的 SHA-256（{sha256}）不符：{mismatched}；其他来源失败：{failures}。',
  'toolchain.archiveMismatch.remedy':
    '未安装任何内容。途中的某个镜像或代理提供了被篡改或过期的内容：请去掉该 --mirror（或修复代理）后重试。',
  'toolchain.archiveDownloadFailed.message': '无法下载 {file}：{failures}。',
  'toolchain.noSource': '没有可用的下载来源',
  'toolchain.archiveDownloadFailed.remedy':
    '请检查网络和代理设置（"go-env-doctor diagnose" 会逐项测试），或用 --mirror URL 添加一个可访问的镜像；其内容仍会与官方 SHA-256 比对。{kept}',
  'toolchain.keptBytes': '已收到的 {bytes} 字节会保留；再次运行同一命令即可从断点续传。',
  'toolchain.kept': '已收到的数据会保留；再次运行同一命令即可从断点续传。',
  'toolchain.indexUnavailable.message': '无法从任何官方来源读取 Go 发布索引（{failures}）。',
  'toolchain.indexUnavailable.remedy':
    '请检查网络连接和代理设置（"go-env-doctor diagnose" 会逐项测试）。每个下载文件的 SHA-256 都来自该索引，没有它就无法安装；可以用 --dl-base 指向一个你信任的官方索引镜像。',
  'toolchain.noStable.message': '{base} 上的发布索引中没有适用于 {where} 的稳定版本。',
  'toolchain.noStable.remedy': 'Go 可能没有为该平台发布版本；支持的平台见 https://go.dev/dl/。',
  'toolchain.notInIndex.message': '{base} 上的 Go 发布索引中没有 go{version}。{hint}',
  'toolchain.notInIndex.remedy':
    '请指定一个已发布的版本，如 1.22.5（自 Go 1.21 起，1.22 这样的语言版本不对应任何发布版本），或使用 "latest"。',
  'toolchain.noArchive.message': '发布索引中没有 {name} 适用于 {where} 的归档。{hint}',
  'toolchain.noArchive.remedy': '请选择支持该平台的版本，或使用 "latest"。',
  'toolchain.unverifiable.message': '发布索引中没有 {file} 的 SHA-256（或大小），因此无法校验 {name}。',
  'toolchain.unverifiable.remedy': '请选择更新的版本；无法校验的下载永远不会被安装。',
  'toolchain.badVersion.message': '"{version}" 不是 Go 的发布版本号。',
  'toolchain.badVersion.remedy': '请指定发布版本，如 1.22.5 或 go1.22.5，或使用 "latest"。',
  'toolchain.hint.newest': '最新的稳定版本是 {name}。',
  'toolchain.hint.sameLine': 'go{line} 的发布版本有：{names}。',
  'toolchain.moduleBadVersion.messageThreeNumbers':
    '"{version}" 不是 Go 的发布版本号（自 Go 1.21 起，发布版本号由三个数字组成，例如 1.22.0）。',
  'toolchain.moduleBadVersion.remedy':
    '请指定发布版本，如 1.22.5 或 go1.22.5；"latest" 需要 go.dev 的发布索引（安装时不要加 --via-proxy）。',
  'toolchain.moduleNotFound.message': 'GOPROXY 中没有任何一项提供 {what}。',
  'toolchain.moduleNotFound.messageWhere': 'GOPROXY 中没有任何一项提供 {what}：{notFound}。',
  'toolchain.moduleNotFound.remedy':
    '请检查版本号：只有已发布的 Go 版本才以 golang.org/toolchain 模块的形式存在，并且只针对 Go 官方支持的平台。落后的镜像可能还没有新版本；请在 GOPROXY 中用逗号追加另一个镜像。',
  'toolchain.moduleDownloadFailed.message': '无法下载 {what}：{failures}。',
  'toolchain.moduleDownloadFailed.remedy':
    '请检查网络和代理设置（"go-env-doctor diagnose" 会逐项测试），或在 GOPROXY 中填入一个可访问的镜像（用 "|" 分隔的各项在任何错误后都会依次尝试）。{kept}',
  'toolchain.module.proxyOff': 'GOPROXY=off：从这一项起禁止下载',
  'toolchain.module.notFoundAt': '{source} 上没有',
  'toolchain.module.invalidEntry': 'GOPROXY 项 "{entry}" 无效（{reason}）',
  'toolchain.module.status': '{source}（HTTP {status}）',
  'toolchain.zipUnreadable.message':
    '从 {source} 下载的 {what} 不是可读的 zip 文件（{reason}），因此不可能是校验和数据库 {db} 记录的内容（{expected}）。未安装任何内容。',
  'toolchain.zipUnreadable.remedy': '请重试，或换用另一个 GOPROXY 镜像：该镜像或它与你之间的某个环节提供了损坏的数据。',
  'toolchain.zipUnsafe.message':
    '{what} 与校验和数据库一致，但其中有一个不能安全解压的条目：{reason}。未安装任何内容。',
  'toolchain.zipUnsafe.remedy':
    '官方工具链 zip 只包含 golang.org/toolchain@<version>/ 下的普通文件；请附上版本和平台向 Go 团队报告（golang.org/issue）。',
  'toolchain.sumdbOff.message':
    'GOSUMDB=off 关闭了 Go 校验和数据库，而通过模块代理下载的工具链只有在校验和数据库确认其哈希之后才可信；go 命令同样会拒绝这样的下载。',
  'toolchain.sumdbOff.remedy':
    '请重新启用校验和数据库：go env -w GOSUMDB=sum.golang.org（在无法访问 sum.golang.org 的地方用 sum.golang.google.cn），或仅对本次命令生效：GOSUMDB=sum.golang.org go-env-doctor install <version> --via-proxy。（如果 go env 配置文件中写的是 off，把 GOSUMDB 设为空并不起作用。）从 go.dev 的发布归档安装则不需要校验和数据库。',
  'toolchain.sumdbInvalid.message': 'GOSUMDB="{setting}" 无法使用：{reason}。',
  'toolchain.sumdbInvalid.remedy':
    '请将 GOSUMDB 设为 sum.golang.org（默认值）、sum.golang.google.cn，或形如 name+hash+key 的数据库验证密钥，后面可以再跟上其 URL。',
  'toolchain.noH1.message': '校验和数据库 {db} 证明了 {what} 的记录，但该记录中没有模块 zip 的 h1: 哈希。',
  'toolchain.noH1.remedy': '该数据库的行为不像 Go 校验和数据库；请检查 GOSUMDB，不要安装这个工具链。',
  'toolchain.hashMismatch.message':
    '从 {source} 下载的 {what} 哈希为 {actual}，但校验和数据库 {db} 记录的是 {expected}：文件在传输途中被修改或损坏。未安装任何内容。',
  'toolchain.hashMismatch.remedy':
    '请重试，或换用另一个 GOPROXY 镜像（该镜像或它与你之间的某个环节提供了不同的数据）。与校验和数据库不符的工具链绝不能安装。',
  'toolchain.notAZip.message': '{path} 不是可读的 zip 文件，因此不可能与校验和数据库一致（{reason}）。',
  'toolchain.notAZip.remedy': '请重新下载，或从另一个 GOPROXY 镜像下载。',
  'toolchain.sumdb.unavailable.message': '无法就 {what} 查询校验和数据库 {db}：{reason}',
  'toolchain.sumdb.unavailable.remedyDefault':
    '请确认本机能访问 sum.golang.org，或能访问转发它的 GOPROXY 镜像（大多数镜像都通过 /sumdb/sum.golang.org/ 转发）。在无法访问 sum.golang.org 的地方，请设置 GOSUMDB=sum.golang.google.cn。不要关闭校验和数据库：未经校验的工具链永远不会被安装。',
  'toolchain.sumdb.unavailable.remedy':
    '请确认本机能访问 GOSUMDB 指定的校验和数据库（{url}），或能访问转发它的 GOPROXY 镜像。',
  'toolchain.sumdb.notFound.message':
    '校验和数据库 {db} 中没有 {what} 的记录，因此无法校验：它不是已发布的 Go 工具链。{reason}',
  'toolchain.sumdb.notFound.remedy':
    '请检查版本号（go-env-doctor install <version>）：只有已发布、且支持你的操作系统和架构的 Go 版本才以 golang.org/toolchain 模块的形式存在。',
  'toolchain.sumdb.badSignature.message': '签名无效：{reason}',
  'toolchain.sumdb.badSignature.remedy':
    '该应答并非来自 {db}：镜像或网络设备篡改了它，或者 GOSUMDB 中的密钥不对。请检查 GOSUMDB（go env GOSUMDB），换一个镜像试试，不要安装这个工具链。',
  'toolchain.sumdb.badProof.message': '证明无效：{reason}',
  'toolchain.sumdb.badProof.remedy':
    '校验和数据库关于 {what} 已记入其签名日志的证明不成立，因此该记录不可信。请稍后重试或换一个镜像；不要安装这个工具链。',
  'toolchain.sumdb.inconsistent.remedy':
    '在查明原因之前，不要通过这个数据库或镜像安装任何东西：它现在提供的日志与之前提供的相互矛盾（出现了分叉）。请换一个网络或镜像再试，并把上面两份树头记录报告给 {db} 的运营方。只有在你有意将 GOSUMDB 指向另一个同名数据库时，才可以删除状态目录中保存的树头。',
  'toolchain.fallback.latest': '{index} 也无法改为通过 GOPROXY 获取工具链："latest" 需要发布索引。',
  'toolchain.fallback.latest.remedy':
    '请指定版本号（例如 go-env-doctor install 1.22.5）：这样就可以通过 GOPROXY 获取，并用 Go 校验和数据库校验。或者修复网络（"go-env-doctor diagnose" 会测试网络）。',
  'toolchain.fallback.tooOld':
    '{index} 也无法改为通过 GOPROXY 获取工具链：{name} 早于 Go 1.21，而 Go 1.21 是第一个以 {module} 模块形式发布的版本。',
  'toolchain.fallback.noDownloads': '{index} 也无法改为通过 GOPROXY 获取工具链：GOPROXY={goproxy} 不允许下载任何模块。',
  'toolchain.fallback.noDownloads.remedy':
    '请检查网络和代理设置（"go-env-doctor diagnose" 会逐项测试），或将 GOPROXY 指向一个可访问的模块镜像（"go-env-doctor set-proxy --auto" 会帮你找一个）：来自镜像的工具链会用 Go 校验和数据库校验。',
  'toolchain.fallback.failedToo': '{index} 改为通过 GOPROXY（{goproxy}）获取也失败了：{error}',
  'toolchain.attempt.badRange': '对 "Range: bytes={from}-" 的应答带有 Content-Range "{contentRange}"',
  'toolchain.attempt.wrongLength': '提供的文件为 {length} 字节，而官方索引中的大小是 {size} 字节',
  'toolchain.attempt.rangeRefused': '拒绝了分段请求（HTTP 416）；从头开始下载',
  'toolchain.attempt.status': 'HTTP {status}',
  'toolchain.attempt.status404': 'HTTP 404（文件不存在）',
  'toolchain.attempt.tooLong': '发送的数据超过了官方索引列出的 {size} 字节',
  'toolchain.attempt.ended': '连接在第 {offset} 字节处（共 {size} 字节）中断',
  'toolchain.attempt.gotSha': '{source}（得到的 SHA-256 为 {digest}）',
  'toolchain.attempt.wrongFile': '{source}（{reason}）',
  'toolchain.notAnIndex': '不是 Go 发布索引：{error}',
  'toolchain.installed.unverified':
    '{version} 已存在于 {goroot}，但不是由 go-env-doctor 安装的，未经校验：没有检查过其内容的校验和。如需经过校验的副本，请删除该目录后重新安装。',
  'toolchain.installed.moduleAlready': '{version} 已安装在 {goroot}（安装自 {source}，{h1}）。',
  'toolchain.installed.aModuleProxy': '模块代理',
  'toolchain.installed.provenViaMirror':
    '其 {h1} 与校验和数据库 {db} 的记录一致，且该数据库证明此记录位于其包含 {records} 条记录的签名日志中（经由 GOPROXY 镜像访问）',
  'toolchain.installed.provenDirect':
    '其 {h1} 与校验和数据库 {db} 的记录一致，且该数据库证明此记录位于其包含 {records} 条记录的签名日志中（直接访问）',
  'toolchain.installed.hashIs': '其哈希为 {h1}',
  'toolchain.installed.module': '已将 {version} 安装到 {goroot}，来自 {source} 提供的模块 {module}；{how}。',
  'toolchain.installed.archiveAlready':
    '{version} 已安装在 {goroot}（安装时已用官方 Go 发布索引核对过其归档的 SHA-256 {sha256}）。',
  'toolchain.installed.keptDownload': '之前运行时保留的下载文件',
  'toolchain.installed.officialHost': '官方下载站点',
  'toolchain.installed.archive':
    '已将 {version} 安装到 {goroot}，来自 {from} 的发布归档；其 SHA-256 {sha256} 与官方 Go 发布索引一致。',
};
