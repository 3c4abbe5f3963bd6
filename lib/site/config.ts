/** The site's name, shown in the header and page titles; set SITE_NAME to rebrand. */
export function siteName(): string {
  return process.env.SITE_NAME?.trim() || "Jeevi Academy";
}
