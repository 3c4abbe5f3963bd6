import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, SignInPage, test } from "./support/fixtures";
import { uniqueId } from "./support/register";

const password = "a-quiet-harbour-at-dawn";

/** The admin's new-user form, as the admin sees it. */
class NewUserPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/users/new");
    await expect(this.page.getByRole("heading", { level: 1, name: "New user" })).toBeVisible();
  }

  async create(person: { email: string; username: string; displayName: string; role: string }) {
    await this.page.getByLabel("Email").fill(person.email);
    await this.page.getByLabel("Username").fill(person.username);
    await this.page.getByLabel("Display name (optional)").fill(person.displayName);
    await this.page.getByLabel("Role").selectOption({ label: person.role });
    await this.page.getByRole("button", { name: "Create account" }).click();
  }
}

test("an admin invites a teacher, who sets a password through the link once and signs in", async ({ page, browser, signInAs, viewport, userAgent }, testInfo) => {
  const id = uniqueId(testInfo.project.name);
  const person = { email: `invited_${id}@school.example`, username: `invited_${id}`, displayName: `Invited ${id}`, role: "Teacher" };

  await signInAs("admin");
  const newUser = new NewUserPage(page);
  await newUser.goto();
  await expectNoSeriousA11yViolations(page);

  // A taken email is refused next to its field, and nothing is created.
  await newUser.create({ ...person, email: "admin@jeevi.example" });
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("An account with this email already exists.");

  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `Account created for ${person.displayName}` })).toBeFocused();
  await expect(page.getByText(`We emailed an invitation to ${person.email}`)).toBeVisible();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("button", { name: "Copy invitation link" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to users" }).first()).toHaveAttribute("href", "/admin/users");
  await expectNoSeriousA11yViolations(page);

  // The invitation waits in the outbox under a readable label.
  await page.goto("/admin/outbox");
  const outboxRow = page.getByRole("row", { name: new RegExp(person.email.replace(/[.]/g, "\\.")) });
  await expect(outboxRow.getByText("Invitation", { exact: true })).toBeVisible();

  // The invited person, in a browser of their own.
  const invitee = await (await browser.newContext({ viewport, userAgent: userAgent ?? undefined })).newPage();
  const path = new URL(link).pathname;
  await invitee.goto(path);
  await expect(invitee.getByRole("heading", { level: 1, name: `Welcome, ${person.displayName}` })).toBeVisible();
  await expect(invitee.getByText(person.email)).toBeVisible();
  await expectNoSeriousA11yViolations(invitee);

  await invitee.getByLabel("New password").fill(password);
  await invitee.getByLabel("Repeat password").fill("not-the-same-phrase");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByLabel("Repeat password")).toHaveAccessibleDescription("The passwords do not match.");
  await invitee.getByLabel("Repeat password").fill(password);
  await invitee.getByRole("button", { name: "Set password" }).click();

  await expect(invitee).toHaveURL(/\/sign-in\?password=set$/);
  await expect(invitee.getByRole("status").filter({ hasText: "Your password is set. Sign in with it." })).toBeVisible();
  await new SignInPage(invitee).signIn(person.email, password);
  await expect(invitee).toHaveURL(/\/teacher$/);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("My courses");

  // The link worked once: opening it again says so, with a normal page.
  const again = await invitee.goto(path);
  expect(again?.status()).toBe(200);
  await expect(invitee.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
  await expect(invitee.getByText("This link has expired or was already used.")).toBeVisible();
  await expect(invitee.getByText("Ask your administrator to send you a new one.")).toBeVisible();
  await expectNoSeriousA11yViolations(invitee);

  await invitee.context().close();
});
