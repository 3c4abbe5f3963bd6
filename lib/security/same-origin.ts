import { problemOf, problemResponse } from "@/lib/api/problem";
import { siteUrl } from "@/lib/site/config";

// The sign-in cookie rides along on requests another site makes (a form that
// posts here, a script's fetch); SameSite=Lax keeps it off most of them but
// not all (a top-level POST within two minutes of sign-in, sibling subdomains,
// older browsers). So every write that the cookie authenticates checks where
// the request comes from, from two headers browsers set and pages cannot:
// Sec-Fetch-Site, and Origin. A request with neither (curl, a mail client, a
// server) is not a browser carrying someone's cookie on another site's behalf.

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** The hosts this site answers as: SITE_URL's, and the one the request was sent to. */
function ownHosts(request: Request): Set<string> {
  const hosts = new Set<string>([new URL(request.url).host]);
  const host = request.headers.get("host");
  if (host) hosts.add(host);
  try {
    hosts.add(new URL(siteUrl()).host);
  } catch {
    // A malformed SITE_URL names no host; the request's own still counts.
  }
  return hosts;
}

/** True when the request comes from a page of another site (or another origin of this one). */
export function isCrossSite(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return fetchSite === "same-site";
  // "null" is what a sandboxed frame, a data: page or a redirect across sites sends.
  if (origin === "null") return true;
  try {
    return !ownHosts(request).has(new URL(origin).host);
  } catch {
    return true;
  }
}

/** True for a cookie-authenticated request that may change something and comes from elsewhere: refuse it. */
export const isCrossSiteWrite = (request: Request): boolean => !safeMethods.has(request.method.toUpperCase()) && isCrossSite(request);

export const crossSiteMessage = "Writing with the sign-in cookie is only allowed from this site. Use a personal access token.";

/** The refusal, as the RFC 9457 problem the API answers with. */
export const crossSiteRefusal = (instance: string): Response => problemResponse(problemOf("forbidden", crossSiteMessage, { instance }));
