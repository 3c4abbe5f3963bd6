import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";

// The id a user can quote is the one the server logged the request under (X-Request-Id).
test("a missing page shows its request id, the same the response's X-Request-Id carries", { tag: "@one-width" }, async ({ page }) => {
  const response = await page.goto("/courses/no-such-course/not-here");
  expect(response?.status()).toBe(404);
  const requestId = response?.headers()["x-request-id"] ?? "";
  expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("code", { hasText: requestId })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
