import type { Page } from "@playwright/test";
import { generate } from "otplib";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, SignInPage, signOut, test } from "./support/fixtures";
import { uniqueId } from "./support/register";

const password = "a-teacher-with-two-factors";

/**
 * A fresh teacher for each test (so the demo accounts stay MFA-free for the
 * other specs): an admin invites it, and it sets its password in `page`.
 */
async function freshTeacher(page: Page, admin: Page, id: string) {
  const person = { email: `mfa_${id}@school.example`, username: `mfa_${id}`, displayName: `Teacher ${id}` };
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Email").fill(person.email);
  await admin.getByLabel("Username").fill(person.username);
  await admin.getByLabel("Display name (optional)").fill(person.displayName);
  await admin.getByLabel("Role").selectOption({ label: "Teacher" });
  await admin.getByRole("button", { name: "Create account" }).click();
  const link = await admin.getByLabel("Invitation link").inputValue();

  await page.goto(new URL(link).pathname);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?password=set$/);
  return person;
}

/** A code from the authenticator app, `offsetSteps` 30-second steps from now. */
const codeFor = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

test("a teacher turns on an authenticator app, then signs in with a code and with a recovery code", async ({ page, pageAs }, testInfo) => {
  // A whole journey (an invitation, an enrolment, three sign-ins) in one test.
  test.setTimeout(180_000);
  const id = uniqueId(testInfo.project.name);
  const teacher = await freshTeacher(page, await pageAs("admin"), id);
  const signIn = new SignInPage(page);
  await signIn.signIn(teacher.email, password);
  await expect(page).toHaveURL(/\/teacher$/);

  // Enrolment: a QR code and the key as text, switched on only by a right code.
  await page.goto("/settings/security");
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(page.getByLabel("Code from the app")).toHaveAccessibleDescription(/That code is not right/);

  await page.getByLabel("Code from the app").fill(await codeFor(secret));
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent())!.trim();
  expect(recoveryCode).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByText("Sign-in asks for a code from your authenticator app.")).toBeVisible();
  await expect(page.getByText("10 of 10 unused.")).toBeVisible();

  // Sign-in: the password alone opens nothing; the code does.
  await signOut(page);
  await signIn.goto();
  await signIn.signIn(teacher.email, password);
  await expect(page.getByRole("heading", { name: "Enter your authentication code" })).toBeVisible();
  const codeField = page.getByLabel("Authentication code");
  await expect(codeField).toHaveAttribute("autocomplete", "one-time-code");
  await expect(codeField).toHaveAttribute("inputmode", "numeric");
  await expectNoSeriousA11yViolations(page);
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn.signIn(teacher.email, password);
  await page.getByLabel("Authentication code").fill("123456");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toHaveAccessibleDescription(/That code is not right/);
  // The next step's code: the one that switched the app on cannot be used again.
  await page.getByLabel("Authentication code").fill(await codeFor(secret, 1));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/teacher$/);

  // A lost phone: a recovery code signs in, once.
  await signOut(page);
  await signIn.goto();
  await signIn.signIn(teacher.email, password);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCode);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/teacher$/);
  await page.goto("/settings/security");
  await expect(page.getByText("9 of 10 unused.")).toBeVisible();

  await signOut(page);
  await signIn.goto();
  await signIn.signIn(teacher.email, password);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCode);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByLabel("Recovery code")).toHaveAccessibleDescription(/That code is not right/);
});
