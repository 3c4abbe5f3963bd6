import { expect, type Page } from "@playwright/test";

/** Creates a personal access token on the settings page, as its owner would, and returns it (shown once). */
export async function createApiTokenInSettings(page: Page, name: string): Promise<string> {
  await page.goto("/settings/api-tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByRole("textbox", { name: "New token", exact: true });
  await expect(shown).toHaveValue(/^jva_[A-Za-z0-9_-]{43}$/);
  return shown.inputValue();
}
