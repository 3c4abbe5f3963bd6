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
  try {
    const parsed = new URL(value, "http://jeevi.invalid");
    if (parsed.origin !== "http://jeevi.invalid") return fallback;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return fallback;
  }
}
