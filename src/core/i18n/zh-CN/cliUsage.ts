import type { cliUsage as en } from '../en/cliUsage';

export const cliUsage: Record<keyof typeof en, string> = {
  'cli.usage': `用法：go-env-doctor [命令] [选项]

命令：
  diagnose（默认）     检查本机的 Go 环境，说明哪里有问题。
      --format F       text（默认）、json、markdown（用于提交问题的报告）、github（在拉取请求上
                       标注问题的工作流命令，之后是摘要）或 prometheus（供 node_exporter 的
                       textfile collector 采集）。见 docs/ci.md。
      --json           等同于 --format json（见 docs/findings.md）。
      --only G[,G]     只运行这些检查组（可重复）；--skip G[,G] 跳过它们。
      --list-checks    列出检查组后退出。
      --verbose        显示完整说明，包括通过的检查的详情。
      --cwd DIR        从 DIR 而不是当前目录查找 go.mod。
      --go PATH        使用这个 go 命令，而不是在 PATH 和常见位置中查找。
      --timeout MS     每次探测的超时时间，单位毫秒（默认 5000）。
      --modules        用校验和数据库核对 go.sum 的每一行（不受超时限制），并像 \`go mod verify\`
                       一样用 go.sum 核对模块缓存。
      --all            同时探测 Go 发行版的下载路径（索引主机、归档主机、镜像）；默认只在 go.mod
                       需要尚未安装的 Go 版本时探测。
      --dl-base URL    要探测的发行版索引地址（与 install 相同；默认 go.dev/dl、golang.google.cn/dl）。
      --mirror URL     要探测的发行版归档镜像（可重复）。
      --candidate URL  GOPROXY 不可用时，像 set-proxy --auto 一样为这些镜像排名（可重复），并把验证
                       通过的值作为下一步给出。
      --deep           之后用真实的 go 命令复核：使用你的环境和临时缓存，对参考模块和 go.mod 中
                       第一个不在缓存里的依赖执行 go mod download，并在工作区执行 go version；
                       指出 go 的结果与哪条诊断不符。
      --allow-toolchain-download  与 --deep 一起使用：允许 go version 下载 go.mod 要求的工具链。
  report               以 Markdown 文档输出诊断结果，便于粘贴到问题报告中（等同于 diagnose
                       --format markdown）；接受 diagnose 的全部选项。
  install <version|latest>  下载 Go 发行版，用官方索引核对其 SHA-256，并安装为 DIR/go<version>
                       （即“Choose Go Environment”列出的目录）。
      --dir DIR        SDK 目录（默认 ~/sdk）。
      --dl-base URL    发行版索引和下载地址（默认 https://go.dev/dl/，其次 https://golang.google.cn/dl/）；
                       只允许 https，本机回环地址除外。
      --mirror URL     优先从这个镜像获取 <URL><文件名>（可重复，按顺序）；下载内容仍会用官方
                       SHA-256 核对。
      --via-proxy      跳过发行版索引：从模块代理（GOPROXY，任意镜像）获取模块
                       golang.org/toolchain@v0.0.1-go<version>.<os>-<arch>，只有当 Go 校验和数据库
                       （GOSUMDB）确认其 h1: 哈希时才安装。无法读取发行版索引时自动使用。
      --json           输出一个 JSON 文档：{ok, version, goroot, via, sha256, bytes, source}（via 为
                       "proxy" 时另有 h1、module、verification）或 {ok:false, finding}。
  set-proxy            用 "go env -w" 把 GOPROXY 指向可用的镜像（撤销：restore-proxy）。
      --auto           探测各镜像（每个 3 次请求），保留内容与校验和数据库一致的镜像，写入
                       <最快>,<第二>,direct。
      --candidate URL  与 --auto 一起使用：只探测这些镜像（可重复）。
      --value LIST     写入这个 GOPROXY（先检查：URL、direct、off，用 "," 或 "|" 连接）。
      --offline        把模块缓存（file://$GOMODCACHE/cache/download）放在最前，并列出 go.mod
                       需要而缓存中没有的模块。
      --cwd DIR        与 --offline 一起使用：在哪里查找 go.mod。
      --dry-run        只显示计划（排名、旧值和新值），不写入任何内容。
      --json / --go PATH / --timeout MS（每次请求，默认 5000）
  repair-gosum MOD@VER 删除 go.sum 中 MOD@VER 的行，再由 \`go mod tidy\` 添加经过校验的行（gosum.mismatch）；
                       旧的 go.sum 保存在状态目录中。--cwd DIR / --go PATH
  redownload-module MOD@VER  从模块缓存中删除这一个版本，再用 \`go mod download\` 重新下载
                       （modcache.corrupt）。--cwd DIR / --go PATH
  restore-proxy        把 GOPROXY 恢复为 go-env-doctor 最近一次修改之前的值。
      --json / --go PATH / --timeout MS
  save-cert <https-url>  当 go 不信任该 URL 出示的证书时（TLS 拦截代理的证书），把它连同 SHA-256
                       保存到状态目录，便于与 IT 部门提供的指纹比对。
      --sha256 FP      只在证书指纹与此相同时保存（即诊断中显示的指纹）。
      --timeout MS
  --lang en|zh-CN      输出语言，可写在命令之前或之后。未指定时依次看 LC_ALL、LC_MESSAGES、LANG
                       （zh_CN、zh_SG、zh-Hans 为简体中文，其他为英文），再看 Windows 显示语言。
                       --json 的文本字段默认保持英文，只有指定 --lang 时才翻译；id 始终不变。
  --help, -h, help     显示本帮助。
  --version            显示 go-env-doctor 的版本。

退出状态：没有错误时为 0，有错误时为 1，用法错误或内部错误时为 2（所有 --format 相同）。
install：0 已安装（或早已安装），1 失败（toolchain.* 诊断），2 用法错误，130 已取消。
set-proxy/restore-proxy：0 已写入并生效（或为试运行）；1 未写入、没有可恢复的值，或操作系统环境
变量中的 GOPROXY 覆盖了配置文件；2 用法错误。

输出：只在终端上使用颜色，设置了 NO_COLOR 或 FORCE_COLOR=0 时不使用。按终端宽度换行（输出不是
终端时为 80 列）。
`,
};
