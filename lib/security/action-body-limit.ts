// The largest body a server action accepts. The largest real forms: a text
// lesson (50,000 characters of Markdown) and a quiz question (5,000 + 5,000
// characters and 20 choices and answers); even written entirely in characters
// JSON escapes (six bytes each), a lesson is about 300 kB. Next.js refuses a
// bigger body, but with a bare 500; proxy.ts answers it first with a 413 and a
// sentence when the request says its length, and with a 411 when it does not
// (a streamed body could only be measured by reading it, which Next does after us).
export const actionBodyLimitBytes = 512 * 1024;

/** The same limit in the form next.config.ts takes it. */
export const actionBodyLimit = "512kb";

/** A server action POST (Next.js marks it with the Next-Action header) whose declared body is over the limit. */
export function isOversizedActionPost(method: string, headers: Headers): boolean {
  if (method !== "POST" || !headers.has("next-action")) return false;
  const declared = Number(headers.get("content-length") ?? 0);
  return Number.isFinite(declared) && declared > actionBodyLimitBytes;
}

/**
 * A server action POST that does not say its length (a chunked body). Browsers
 * always send Content-Length with the fetch and form posts Next.js makes, so only
 * a hand-made client sends one; it is asked to say the length instead.
 */
export function isUnmeasuredActionPost(method: string, headers: Headers): boolean {
  return method === "POST" && headers.has("next-action") && !headers.has("content-length");
}

export const unmeasuredActionMessage = "Send this form with a Content-Length header.";

export const oversizedActionMessage = "This form is too large to send. Shorten the longest text and try again.";
