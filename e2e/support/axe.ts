import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Fails on any serious or critical WCAG 2.1 A/AA violation on the page as it is now.
 * `exclude` leaves out repeats of markup the scan has already covered on the same
 * page (CSS selectors): axe's cost grows with the page, and its contrast check
 * alone took 40 s on the API reference's hundred identical operation cards.
 *
 * Legacy mode runs axe.run() in the page itself (and in its same-origin frames).
 * The default mode runs axe once per frame and then opens a blank page to merge
 * the frames' results: that page and a second injection of axe cost each scan
 * about half a second more on this machine (1.0 s against 0.45 s for the same
 * page). What it adds is only cross-origin frames (the video providers' players),
 * whose markup is not the site's to fix.
 */
export async function expectNoSeriousA11yViolations(page: Page, { exclude = [] }: { exclude?: string[] } = {}) {
  // Next streams a page's generated <title> after the first bytes: wait for it, as a reader's browser would.
  await expect(page).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode();
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
}
