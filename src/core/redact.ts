// Credentials in proxy URLs must never reach output or logs.

/** `scheme://userinfo@` */
const WITH_SCHEME = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;
/** Go also accepts scheme-less proxy values such as `user:pass@proxy:3128`. */
const SCHEMELESS = /(^|[\s=,|"'(])[^\s/@"'=,|:]+:[^\s/@"']*@(?=[^\s/@])/g;

/** Replaces the credentials of every URL inside `text` with `***`. */
export function redact(text: string): string {
  return text.replace(WITH_SCHEME, '$1***@').replace(SCHEMELESS, '$1***@');
}
