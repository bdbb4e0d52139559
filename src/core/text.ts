// Small wording helpers shared by findings and errors.

/** `the proxy answers` → `The proxy answers`, for a clause that starts a sentence. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
