import { expect, type Page } from "@playwright/test";

/** The password every student registered by the end-to-end tests gets. */
export const studentPassword = "a-long-unusual-phrase";

/** Fills and submits the registration form; returns the new account's email. */
export async function registerStudent(page: Page, id: string, displayName = `Learner ${id}`) {
  const email = `learner_${id}@school.example`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Username").fill(`learner_${id}`);
  await page.getByLabel("Display name (optional)").fill(displayName);
  await page.getByLabel("Password", { exact: true }).fill(studentPassword);
  await page.getByLabel("Repeat password").fill(studentPassword);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
  return email;
}

export const uniqueId = (projectName: string) => `${projectName}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
