import { expectNoSeriousA11yViolations } from "./support/axe";
import { demoUsers, expect, test } from "./support/fixtures";

// Signing in is audited (lib/auth/authenticate.ts: auth.sign_in), so the admin's
// own sign-in (this test's, or the earlier one of this run that signInAs reuses)
// is a row this spec can filter for. The database is shared between
// specs: assert rules about the rows shown, not exact lists.

const todayUtc = () => new Date().toISOString().slice(0, 10);

test.describe("the audit log", () => {
  test("an admin filters by action and day and sees only matching rows", async ({ page, signInAs }) => {
    // Four filtered views and an axe scan after a slow password hash.
    test.slow();
    await signInAs("admin");
    const viewLog = page.getByRole("region", { name: "Recent activity" }).getByRole("link", { name: "View the audit log" });
    // Followed by its address rather than clicked: at phone width the dashboard above it is wider than the screen.
    await expect(viewLog).toHaveAttribute("href", "/admin/audit");
    await page.goto((await viewLog.getAttribute("href"))!);
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
    await expect(page).toHaveTitle(/^Audit log · /);

    const filters = page.getByRole("search", { name: "Filter the audit log" });
    await filters.getByLabel("Action").selectOption("auth.sign_in");
    await filters.getByLabel("From (UTC day)").fill(todayUtc());
    await filters.getByLabel("To (UTC day)").fill(todayUtc());
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`action=auth\\.sign_in&from=${todayUtc()}&to=${todayUtc()}`));

    const rows = page.getByRole("region", { name: "Audit entries" }).getByRole("row");
    // The header row and at least the admin's own sign-in.
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    for (const action of await page.getByRole("region", { name: "Audit entries" }).locator("tbody code").allTextContents())
      expect(action).toBe("auth.sign_in");
    const mine = rows.filter({ hasText: demoUsers.admin.email }).first();
    await expect(mine).toContainText(demoUsers.admin.name);
    await expect(mine.getByRole("link", { name: demoUsers.admin.email })).toHaveAttribute(
      "href",
      `/admin/users?q=${encodeURIComponent(demoUsers.admin.email)}`,
    );
    await expectNoSeriousA11yViolations(page);

    // The actor search narrows to one person.
    await filters.getByLabel("Actor").fill(demoUsers.admin.email);
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/actor=admin%40jeevi\.example&action=auth\.sign_in/);
    const actorCells = page.getByRole("region", { name: "Audit entries" }).locator("tbody th");
    await expect.poll(() => actorCells.count()).toBeGreaterThan(0);
    for (const who of await actorCells.allTextContents()) expect(who).toContain(demoUsers.admin.email);

    // A group of actions (here every auth.* action) is an address too, and the select keeps it.
    await page.goto(`/admin/audit?actor=${encodeURIComponent(demoUsers.admin.email)}&action=auth.*`);
    await expect(filters.getByLabel("Action")).toHaveValue("auth.*");
    await expect.poll(() => actorCells.count()).toBeGreaterThan(0);
    for (const action of await page.getByRole("region", { name: "Audit entries" }).locator("tbody code").allTextContents())
      expect(action).toMatch(/^auth\./);

    // A day long before the site existed: nothing matches, and the page says so.
    await page.goto("/admin/audit?from=2000-01-01&to=2000-01-02");
    await expect(page.getByText("No entry matches these filters.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("0 matching entries");
  });

  test("a bad date in the address is named next to its field, not a failure", async ({ page, signInAs }) => {
    await signInAs("admin");
    const response = await page.goto("/admin/audit?from=2026-02-30&to=2000-01-01&page=zero");
    expect(response?.status()).toBe(200);
    await expect(page.getByText("Enter a date as YYYY-MM-DD.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
