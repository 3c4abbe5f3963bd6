/** The site's name, shown in the header and page titles; set SITE_NAME to rebrand. */
export function siteName(): string {
  return process.env.SITE_NAME?.trim() || "Jeevi Academy";
}

/**
 * The site's public address, for links that leave the site (email). SITE_URL
 * (or AUTH_URL, which next-auth reads) wins; a local install answers on
 * localhost at its port.
 */
export function siteUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env.SITE_URL?.trim() || env.AUTH_URL?.trim();
  return (configured || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, "");
}

/** An absolute URL for a path inside the site. */
export function absoluteUrl(pathname: string): string {
  return `${siteUrl()}${pathname.startsWith("/") ? pathname : `/${pathname}`}`;
}
