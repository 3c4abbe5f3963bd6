// The largest body a server action accepts. The largest real forms: a text
// lesson (50,000 characters of Markdown) and a quiz question (5,000 + 5,000
// characters and 20 choices and answers); even written entirely in characters
// JSON escapes (six bytes each), a lesson is about 300 kB. Next.js refuses a
// bigger body, but with a bare 500; proxy.ts answers it first with a 413 and a
// sentence, when the request says its length.
export const actionBodyLimitBytes = 512 * 1024;

/** The same limit in the form next.config.ts takes it. */
export const actionBodyLimit = "512kb";

/** A server action POST (Next.js marks it with the Next-Action header) whose declared body is over the limit. */
export function isOversizedActionPost(method: string, headers: Headers): boolean {
  if (method !== "POST" || !headers.has("next-action")) return false;
  const declared = Number(headers.get("content-length") ?? 0);
  return Number.isFinite(declared) && declared > actionBodyLimitBytes;
}

export const oversizedActionMessage = "This form is too large to send. Shorten the longest text and try again.";
