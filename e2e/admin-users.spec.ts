import type { Browser, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { demoUsers, expect, SignInPage, signedInPage, test } from "./support/fixtures";

async function registerNewStudent(page: Page, id: string) {
  await page.goto("/register");
  await page.getByLabel("Email").fill(`promoted_${id}@school.example`);
  await page.getByLabel("Username").fill(`promoted_${id}`);
  await page.getByLabel("Display name (optional)").fill(`Promoted ${id}`);
  await page.getByLabel("Password", { exact: true }).fill("a-long-unusual-phrase");
  await page.getByLabel("Repeat password").fill("a-long-unusual-phrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function findUser(page: Page, text: string) {
  await page.getByLabel("Find a user").fill(text);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { level: 2, name: `Users matching “${text}”` })).toBeVisible();
}

async function adminPage(browser: Browser, contextOptions: Parameters<Browser["newContext"]>[0]) {
  const page = await signedInPage(browser, demoUsers.admin.email, contextOptions);
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

test("an admin's role change and deactivation apply on the user's next request", async ({
  page,
  browser,
  viewport,
  userAgent,
}, testInfo) => {
  const id = `${testInfo.project.name}_${Date.now().toString(36)}`;
  await registerNewStudent(page, id);

  const admin = await adminPage(browser, { viewport, userAgent: userAgent ?? undefined });
  // Other specs register students too: find this one rather than hope it is among the newest.
  await findUser(admin, `promoted_${id}`);
  const row = admin.getByRole("row", { name: new RegExp(`Promoted ${id}`) });
  await row.getByLabel(`Role of Promoted ${id}`).selectOption("teacher");
  await expect(row.getByRole("cell", { name: "Teacher", exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  // The student's existing session now sees the teaching area, and not its old one.
  await page.goto("/teacher");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My courses");
  expect((await page.goto("/dashboard"))?.status()).toBe(404);

  await row.getByRole("button", { name: `Deactivate Promoted ${id}` }).click();
  await expect(row.getByText("Inactive")).toBeVisible();

  // Deactivation ends the session: the next request is a guest's.
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteacher$/);
  await new SignInPage(page).signIn(`promoted_${id}@school.example`, "a-long-unusual-phrase");
  await expect(page.getByText("This account is deactivated. Contact your administrator.")).toBeVisible();

  await admin.context().close();
});

test("an admin cannot change its own role from the dashboard", async ({ page, signInAs }) => {
  await signInAs("admin");
  await findUser(page, "admin@jeevi.example");
  const ownRow = page.getByRole("row", { name: /admin@jeevi\.example/ });
  await expect(ownRow.getByText("This is you")).toBeVisible();
  await expect(ownRow.getByRole("combobox")).toHaveCount(0);
});
