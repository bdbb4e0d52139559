import type { go as en } from '../en/go';

export const go: Record<keyof typeof en, string> = {
  'go.envFileUnreadable.title': '无法读取 go env 配置文件',
  'go.envFileUnreadable.detail':
    '{path}：{error}。go 命令会忽略它无法读取的设置，`go env -w` 也会失败。请修正该文件的权限，或删除它。',
  'go.goproxy.notKeywordOrUrl': '它既不是关键字（direct、off），也不是带协议的 URL',
  'go.goproxy.badUrl': '它不是有效的 URL',
  'go.goproxy.scheme': '不支持协议 "{scheme}"（请使用 https://、http:// 或 file://）',
  'go.goproxy.noHost': '它没有主机名',
  'go.gosumdb.empty': '它是空的',
  'go.gosumdb.tooManyFields': '字段过多（应为一个密钥，后面可以再跟一个 URL）',
  'go.gosumdb.keyHash': '它的密钥哈希与密钥不符',
  'go.gosumdb.notKey': '它既不是已知的数据库名称，也不是验证密钥（name+hash+key）',
  'go.gosumdb.badName': '数据库名称 "{name}" 不是 host[/path] 的形式',
  'go.gosumdb.scheme': '不支持 URL 协议 "{scheme}"',
  'go.gosumdb.badUrl': '"{url}" 不是有效的 URL',
};
