/**
 * The client address as seen by the nearest proxy (Next's own server appends
 * the socket address last), so a client cannot pick its own throttling key by
 * sending X-Forwarded-For.
 */
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const hops = forwarded
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return last.slice(0, 100);
  }
  return headers.get("x-real-ip")?.trim().slice(0, 100) || "unknown";
}
