import type { Page } from "@playwright/test";

/**
 * Collects everything the browser says against the site's policies while a
 * test runs: `securitypolicyviolation` events of the app's own pages (not of
 * the embedded players, which have policies of their own) and console
 * messages about the CSP or the Permissions-Policy header.
 */
export async function watchPolicyViolations(page: Page, siteOrigin: string): Promise<string[]> {
  const found: string[] = [];
  await page.exposeFunction("__reportPolicyViolation", (text: string) => found.push(text));
  await page.addInitScript(() => {
    if (window !== window.top) return;
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportPolicyViolation: (text: string) => void }).__reportPolicyViolation;
      report(`violation: ${event.effectiveDirective} blocked ${event.blockedURI} on ${event.documentURI}`);
    });
  });
  page.on("console", (message) => {
    // Messages from inside a player's frame are the provider's business.
    const from = message.location().url;
    if (from && !from.startsWith(siteOrigin)) return;
    if (/Content Security Policy|Content-Security-Policy|Permissions-Policy|Refused to/i.test(message.text())) {
      found.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  return found;
}
