import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, SignInPage, signOut, test } from "./support/fixtures";
import { registerStudent, studentPassword, uniqueId } from "./support/register";

// WebAuthn refuses an IP address as the relying party, and the suite's base
// URL is http://127.0.0.1:<port>: this spec opens the same server as localhost
// (SITE_URL is unset in e2e, so the request's host names the relying party).
test.use({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3100}` });

/** Chromium's virtual authenticator: a platform passkey that keeps discoverable credentials and verifies the user. */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials };
}

test("a student adds a passkey, then signs in with it without a password and as the second step", async ({ page }, testInfo) => {
  test.slow();
  const authenticator = await addVirtualAuthenticator(page);
  await page.goto("/register");
  const email = await registerStudent(page, uniqueId(testInfo.project.name));
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/settings/security");
  await expect(page.getByText("No passkeys yet.")).toBeVisible();
  await page.getByLabel("Name for the new passkey").fill("Test device");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  // The account's first factor: its recovery codes, shown once.
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  const list = page.getByRole("list", { name: "Your passkeys" });
  await expect(list.getByText("Test device")).toBeVisible();
  await expect(list.getByText(/Not used yet/)).toBeVisible();
  const [credential] = await authenticator.credentials();
  expect(credential?.isResidentCredential).toBe(true);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Rename Test device" }).click();
  await page.getByLabel("New name").fill("Virtual key");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(list.getByText("Virtual key")).toBeVisible();

  // Passwordless: no email typed, the passkey names the account.
  await signOut(page);
  const signIn = new SignInPage(page);
  await signIn.goto();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/settings/security");
  await expect(list.getByText(/Last used/)).toBeVisible();

  // With the password, the passkey is the second step.
  await signOut(page);
  await signIn.goto();
  await signIn.signIn(email, studentPassword);
  await expect(page.getByRole("heading", { name: "Use your passkey" })).toBeVisible();
  await page.getByRole("button", { name: "Use your passkey" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});
