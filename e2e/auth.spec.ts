import { expectNoSeriousA11yViolations } from "./support/axe";
import { demoPassword, demoUsers, expect, SignInPage, signOut, test } from "./support/fixtures";

test.describe("registration", () => {
  test("a guest registers and lands on an empty student dashboard", async ({ page }, testInfo) => {
    const id = `${testInfo.project.name}_${Date.now().toString(36)}`;
    await page.goto("/register");
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Email").fill(`new_${id}@school.example`);
    await page.getByLabel("Username").fill(`learner_${id}`);
    await page.getByLabel("Display name (optional)").fill("Nina Learner");
    await page.getByLabel("Password", { exact: true }).fill("a-long-unusual-phrase");
    await page.getByLabel("Repeat password").fill("a-long-unusual-phrase");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Nina Learner");
    await expect(page.getByText("You are not enrolled in any course yet")).toBeVisible();
  });

  test("bad input is explained next to each field and creates nothing", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("Email").fill(demoUsers.student.email.toUpperCase());
    await page.getByLabel("Username").fill("bad name!");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Repeat password").fill("different");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page.getByText("Use only letters, digits and underscores.")).toBeVisible();
    await expect(page.getByText("A password has at least 8 characters.")).toBeVisible();
    await expect(page.getByText("The passwords do not match.")).toBeVisible();
    await expect(page).toHaveURL(/\/register$/);

    // Now valid in form, refused by the server: the email exists (in another case)
    // and the password is a common one.
    await page.getByLabel("Username").fill("fresh_name_for_test");
    await page.getByLabel("Password", { exact: true }).fill("password123");
    await page.getByLabel("Repeat password").fill("password123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
    await expect(page.getByText("This password is too common.", { exact: false })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });
});

test.describe("sign-in and roles", () => {
  test("a teacher signs in and reaches the teaching dashboard with its courses", async ({ page, signInAs }) => {
    await signInAs("teacher");
    await expect(page.getByRole("row", { name: /Mechanics: Motion and Forces/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /Foundations of Chemistry/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test("an admin signs in and reaches the administration dashboard", async ({ page, signInAs }) => {
    await signInAs("admin");
    await expect(page.getByText("Published courses")).toBeVisible();
    // The users panel leads to the users table, where accounts are managed.
    await expect(page.getByRole("search", { name: "Users" }).getByLabel("Find a user")).toBeVisible();
    await expect(page.getByRole("link", { name: "All users" })).toHaveAttribute("href", "/admin/users");
    await expectNoSeriousA11yViolations(page);
  });

  test("a student sees its own courses and progress", async ({ page, signInAs }) => {
    await signInAs("student");
    await expect(page.getByText("3 of 6 done · 50%")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Completed" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("a student opening teacher and admin pages gets not-found and no data", { tag: "@one-width" }, async ({ page, signInAs }) => {
    await signInAs("student");
    for (const path of ["/teacher", "/admin", "/admin/users"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      await expect(page.getByText("Meera Kapoor")).toHaveCount(0);
      await expect(page.getByText("Published courses")).toHaveCount(0);
    }
  });

  test("a guest is sent to sign in and brought back to the page it asked for", { tag: "@one-width" }, async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);
    await new SignInPage(page).signIn(demoUsers.student.email, demoPassword);
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("a wrong password is refused with a message that does not say which part was wrong", { tag: "@one-width" }, async ({ page }) => {
    const signInPage = new SignInPage(page);
    await signInPage.goto();
    await expectNoSeriousA11yViolations(page);
    await signInPage.signIn(demoUsers.teacher.email, "not-the-password");
    await expect(page.getByText("The email or password is not correct.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("signing out ends the session", async ({ page, signInAs }) => {
    await signInAs("admin");
    await signOut(page);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "Sign in" }).filter({ visible: true }).first()).toBeVisible();
    const response = await page.goto("/admin");
    expect(page.url()).toContain("/sign-in");
    expect(response?.ok()).toBe(true);
  });
});

test("the header menu closes when its link opens the next page", async ({ page, signInAs }, testInfo) => {
  await signInAs("student");
  // The account menu at desktop width, "Menu" on a phone: both are <details> in the layout, which stays.
  const menu = page.getByRole("banner").locator("details[data-header-menu]").filter({ visible: true });
  await menu.locator("summary").click();
  await expect(menu).toHaveAttribute("open", "");
  const link = testInfo.project.name === "mobile" ? menu.getByRole("link", { name: "My progress" }) : menu.getByRole("link", { name: "Notification settings" });
  await link.click();
  await expect(page).toHaveURL(testInfo.project.name === "mobile" ? /\/progress$/ : /\/settings\/notifications$/);
  await expect(menu).not.toHaveAttribute("open");
});
