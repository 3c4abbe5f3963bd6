/**
 * Accepts only same-site relative paths ("/courses/x?tab=y"); anything that could
 * leave the site ("//evil", "/\\evil", "https://…", "javascript:") falls back.
 */
export function safeCallbackUrl(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Control characters and backslashes are normalised away by browsers into
  // scheme-relative URLs; refuse them outright.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  // The same characters percent-encoded ("/%09/evil.com") become the above as
  // soon as any layer decodes the path.
  if (/%(?:[01][0-9a-f]|7f)/i.test(value)) return fallback;
  try {
    const parsed = new URL(value, "http://jeevi.invalid");
    if (parsed.origin !== "http://jeevi.invalid") return fallback;
    const result = `${parsed.pathname}${parsed.search}${parsed.hash}`;
    // Dot segments can collapse into a scheme-relative URL: "/.//evil.com" → "//evil.com".
    if (result.startsWith("//") || result.startsWith("/\\")) return fallback;
    return result;
  } catch {
    return fallback;
  }
}
