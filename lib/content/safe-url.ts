export type LinkKind = "relative" | "web" | "mailto";

// Browsers ignore whitespace and control characters inside a URL ("java\tscript:"
// still runs), so they are removed before the scheme is read.
const ignoredByBrowsers = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g;
const schemePattern = /^([a-z][a-z0-9+.-]*):/i;

/**
 * What kind of link a (entity-decoded) URL is, or null when it must not be used:
 * any scheme but http, https and mailto, and protocol-relative forms such as
 * `//evil.example` or `/\evil.example`, which browsers read as another host.
 */
export function classifyLink(value: string): LinkKind | null {
  const url = value.replace(ignoredByBrowsers, "");
  const scheme = schemePattern.exec(url)?.[1]?.toLowerCase();
  if (scheme === "http" || scheme === "https") return "web";
  if (scheme === "mailto") return "mailto";
  if (scheme !== undefined) return null;
  // A colon before any slash, "?" or "#" would be read as a scheme by some parser.
  if (/^[^/?#]*:/.test(url)) return null;
  if (/^[/\\]{2}/.test(url)) return null;
  return "relative";
}

/** True for an absolute https URL: the only kind of image source we render. */
export function isHttpsUrl(value: string): boolean {
  const url = value.replace(ignoredByBrowsers, "");
  return /^https:\/\/[^/\\]/i.test(url);
}

/** An image of the site's question bank (an imported question's picture): served only to the course's readers. */
export function isQuestionImagePath(value: string): boolean {
  return /^\/api\/files\/questions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** A file the course's text shows (an image of an imported page): served only to the course's readers. */
export function isCourseFilePath(value: string): boolean {
  return /^\/api\/files\/course\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** Where an imported question's image is served. */
export const questionImagePath = (fileId: string) => `/api/files/questions/${fileId}`;
