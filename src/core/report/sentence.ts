// The first sentence of a finding's detail: its cause, for a reader who has no time for the rest.

/** Up to the first full stop that ends a sentence (`.` before a space or the end, or `。！？`). */
export function firstSentence(text: string): string {
  const m = /^[\s\S]*?(?:[.!?](?=\s|$)|[。！？])/.exec(text.trim());
  return m ? m[0] : text.trim();
}
