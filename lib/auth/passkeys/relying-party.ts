import { isIP } from "node:net";

// WebAuthn binds a passkey to a relying party id (a hostname) and checks the
// origin the browser reports. Both come from SITE_URL (or AUTH_URL); without
// one, a development server or a local install on localhost uses the request's
// host. Browsers refuse IP addresses as an id, and any origin but https or
// http://localhost, so passkeys are then unavailable with a reason to show.

export interface RelyingParty {
  rpID: string;
  origin: string;
}

export type RelyingPartyResult = { ok: true; rp: RelyingParty } | { ok: false; message: string };

type Env = Readonly<Record<string, string | undefined>>;
type HeaderSource = { get(name: string): string | null };

const hostPattern = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+(?::\d{1,5})?$/i;
const isLocalhost = (hostname: string) => hostname === "localhost" || hostname.endsWith(".localhost");

export const passkeysNeedHostnameMessage =
  "Passkeys need the site to be opened by a name, not an IP address: use http://localhost here, or set SITE_URL to the site's https address.";
export const passkeysNeedHttpsMessage = "Passkeys need the site to be served over https (SITE_URL starting with https://).";
export const passkeysNeedSiteUrlMessage = "Passkeys are not available until SITE_URL is set to the site's public address.";

function fromUrl(url: URL): RelyingPartyResult {
  // URL keeps IPv6 literals in brackets; isIP wants them bare.
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(hostname)) return { ok: false, message: passkeysNeedHostnameMessage };
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLocalhost(hostname))) {
    return { ok: false, message: passkeysNeedHttpsMessage };
  }
  return { ok: true, rp: { rpID: hostname, origin: url.origin } };
}

/** The relying party for a request: SITE_URL when set, else (development or localhost) the request's host. */
export function relyingPartyFor(requestHeaders: HeaderSource, env: Env = process.env): RelyingPartyResult {
  const configured = env.SITE_URL?.trim() || env.AUTH_URL?.trim();
  if (configured) {
    try {
      return fromUrl(new URL(configured));
    } catch {
      return { ok: false, message: passkeysNeedSiteUrlMessage };
    }
  }
  const host = requestHeaders.get("host")?.trim().toLowerCase() ?? "";
  if (!hostPattern.test(host)) {
    return { ok: false, message: isIP(host.replace(/:\d+$/, "")) || host.startsWith("[") ? passkeysNeedHostnameMessage : passkeysNeedSiteUrlMessage };
  }
  const hostname = host.replace(/:\d+$/, "");
  if (isIP(hostname)) return { ok: false, message: passkeysNeedHostnameMessage };
  // A production server without SITE_URL trusts no Host header but localhost's.
  if (env.NODE_ENV === "production" && !isLocalhost(hostname)) return { ok: false, message: passkeysNeedSiteUrlMessage };
  return fromUrl(new URL(`http://${host}`));
}
