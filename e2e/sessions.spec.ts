import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, openAccountMenu, SignInPage, signOut, test } from "./support/fixtures";
import { expectNoPageOverflow } from "./support/layout";
import { registerStudent, studentPassword, uniqueId } from "./support/register";

// Each journey registers an account and drives two browsers at once.
test.slow();

async function newStudent(page: Page, projectName: string) {
  await page.goto("/register");
  const email = await registerStudent(page, uniqueId(projectName));
  await expect(page).toHaveURL(/\/dashboard$/);
  return email;
}

test("a cookie copied before sign-out is refused afterwards", { tag: "@one-width" }, async ({ page, browser }, testInfo) => {
  await newStudent(page, testInfo.project.name);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.endsWith("authjs.session-token"))).toBe(true);

  // Another browser with the very same cookie is signed in as the student.
  const copy = await browser.newContext({ viewport: testInfo.project.use.viewport, userAgent: testInfo.project.use.userAgent });
  await copy.addCookies(cookies);
  const replay = await copy.newPage();
  await replay.goto("/dashboard");
  await expect(replay).toHaveURL(/\/dashboard$/);
  expect((await replay.request.get("/api/v1/me")).status()).toBe(200);

  await signOut(page);

  // The copy is now nobody: pages send it to sign in, the API answers 401.
  await replay.goto("/dashboard");
  await expect(replay).toHaveURL(/\/sign-in/);
  await expect(replay.getByRole("heading", { level: 1, name: /sign in/i })).toBeVisible();
  expect((await replay.request.get("/api/v1/me")).status()).toBe(401);
  expect((await replay.request.get("/api/notifications/stream")).status()).toBe(401);
  await copy.close();
});

test("the sessions page lists both devices and ends the other one", async ({ page, browser }, testInfo) => {
  const email = await newStudent(page, testInfo.project.name);
  const laptop = await browser.newContext({ viewport: testInfo.project.use.viewport, userAgent: testInfo.project.use.userAgent });
  const other = await laptop.newPage();
  const signIn = new SignInPage(other);
  await signIn.goto();
  await signIn.signIn(email, studentPassword);
  await expect(other).toHaveURL(/\/dashboard$/);

  // Reached from the account menu, like the other settings.
  await openAccountMenu(page);
  await page.getByRole("link", { name: "Sessions" }).filter({ visible: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Sessions" })).toHaveAttribute("aria-current", "page");
  const rows = page.getByRole("region", { name: "Your sessions" }).getByRole("row");
  await expect(rows).toHaveCount(3); // the header and two sessions
  await expect(page.getByText("This device")).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
  await expectNoPageOverflow(page);

  // The row without "This device" is the other browser: end it.
  const otherRow = rows.filter({ hasNot: page.getByText("This device") }).nth(1);
  await otherRow.getByRole("button", { name: /^End/ }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByText("This device")).toHaveCount(1);

  await other.goto("/dashboard");
  await expect(other).toHaveURL(/\/sign-in/);
  // This browser is still signed in.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await laptop.close();
});

test("sign out on all devices from the sessions page ends the other browser too", async ({ page, browser }, testInfo) => {
  const email = await newStudent(page, testInfo.project.name);
  const phone = await browser.newContext({ viewport: testInfo.project.use.viewport, userAgent: testInfo.project.use.userAgent });
  const other = await phone.newPage();
  const signIn = new SignInPage(other);
  await signIn.goto();
  await signIn.signIn(email, studentPassword);
  await expect(other).toHaveURL(/\/dashboard$/);

  await page.goto("/settings/sessions");
  await page.getByLabel("Also revoke my API tokens").check();
  await page.getByRole("button", { name: "Sign out on all devices" }).filter({ visible: true }).last().click();
  await expect(page).toHaveURL(/\/sign-in/);

  await other.goto("/dashboard");
  await expect(other).toHaveURL(/\/sign-in/);
  await phone.close();
});
