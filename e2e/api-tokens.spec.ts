import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, openAccountMenu, test } from "./support/fixtures";
import { expectNoPageOverflow } from "./support/layout";
import { registerStudent, uniqueId } from "./support/register";

test("a student creates a token, sees it once, uses it, revokes it, and it stops working at once", async ({ page, request }, testInfo) => {
  await page.goto("/register");
  await registerStudent(page, uniqueId(testInfo.project.name));
  await expect(page).toHaveURL(/\/dashboard$/);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };

  // Reached from the account menu, like the notification settings.
  await openAccountMenu(page);
  await page.getByRole("link", { name: "API tokens" }).filter({ visible: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API tokens" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(/curl -H "Authorization: Bearer jva_…"/)).toBeVisible();
  await expect(page.getByRole("link", { name: "API documentation" })).toHaveAttribute("href", "/developers/api");
  await expect(page.getByLabel("Expires after")).toHaveValue("90");
  await expect(page.getByText("You have no tokens yet.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await expectNoPageOverflow(page);

  // The same schema as the server: the error stands next to its field.
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription(/Give the token a name, such as the app or script that uses it\./);

  await page.getByLabel("Name").fill("Grades script");
  await page.getByLabel("Expires after").selectOption("7");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByRole("textbox", { name: "New token", exact: true });
  await expect(shown).toHaveValue(/^jva_[A-Za-z0-9_-]{43}$/);
  await expect(shown).toHaveAttribute("readonly", "");
  const token = await shown.inputValue();
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  await page.getByRole("button", { name: "Copy new token" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Copied|Selected/ })).toBeVisible();

  const row = page.getByRole("row", { name: /Grades script/ });
  await expect(row).toContainText(`${token.slice(0, 8)}…`);
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never used");
  await expectNoSeriousA11yViolations(page);
  await expectNoPageOverflow(page);

  // The token alone opens the API: no cookie goes with Playwright's own request context.
  const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { id: string }).id).toBe(session.user.id);

  // Never shown again, and its use is on record.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "New token", exact: true })).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  await expect(row).not.toContainText("Never used");

  // Revoking asks first.
  await row.getByRole("button", { name: "Revoke token Grades script" }).click();
  await expect(page.getByRole("group", { name: "Confirm revoking token Grades script" })).toContainText("stops working at once");
  await page.getByRole("button", { name: "Yes, revoke token Grades script" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  const refused = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");

  await page.reload();
  await expect(row).toContainText("Revoked");
  expect(await page.content()).not.toContain(token);
});

test("the settings pages link to each other", async ({ page }, testInfo) => {
  await page.goto("/register");
  await registerStudent(page, uniqueId(testInfo.project.name));
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/settings/notifications");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/settings\/api-tokens$/);
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Notification settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notification settings" })).toBeVisible();
});

test("a guest is sent to sign in first", { tag: "@one-width" }, async ({ page }) => {
  await page.goto("/settings/api-tokens");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fapi-tokens$/);
});
