// Standard base64 decoded the way Go's base64.StdEncoding does: padding required, no URL-safe
// alphabet, no stray characters (Node's Buffer.from(s, 'base64') accepts all of those, which
// would let a mangled key or signature through). Like Go, CR and LF are skipped.

const STD = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The decoded bytes, or undefined when `text` is not valid padded standard base64. */
export function decodeBase64Strict(text: string): Buffer | undefined {
  const s = text.replace(/[\r\n]/g, '');
  if (!STD.test(s)) return undefined;
  return Buffer.from(s, 'base64');
}
