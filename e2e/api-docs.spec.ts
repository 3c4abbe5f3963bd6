import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { expectNoPageOverflow } from "./support/layout";

interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId: string; summary: string }>>;
}

test("the API page shows every operation of the OpenAPI document and explains its problem types", async ({ page, request }) => {
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as OpenApiDocument;
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method: method.toUpperCase(), ...operation })),
  );
  expect(operations.length).toBeGreaterThan(3);

  // Found from the footer of any page.
  await page.goto("/courses");
  await page.getByRole("contentinfo").getByRole("link", { name: "API for developers" }).click();
  await expect(page).toHaveURL(/\/developers\/api$/);
  await expect(page.getByRole("heading", { level: 1, name: /API$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "OpenAPI 3.1 document" })).toHaveAttribute("href", "/api/v1/openapi.json");
  await expect(page.getByRole("link", { name: "Settings → API tokens" })).toHaveAttribute("href", "/settings/api-tokens");

  for (const operation of operations) {
    const article = page.locator(`article[id="${operation.operationId}"]`);
    await expect(article).toBeVisible();
    await expect(article.getByRole("heading", { level: 3 })).toHaveText(`${operation.method} ${operation.path}`);
    await expect(article).toContainText(operation.summary);
    await expect(article).toContainText(operation.operationId);
  }

  // A problem's type points at its explanation on this page.
  const problem = (await (await request.get("/api/v1/courses/not-a-course")).json()) as { type: string };
  expect(problem.type).toBe("/developers/api#problem-not-found");
  await expect(page.locator("#problem-not-found")).toContainText("Not found");

  // Schemas are folded away until asked for.
  const courses = page.locator('article[id="listCourses"]');
  const schema = courses.getByText("Response 200 schema");
  await schema.click();
  await expect(courses.locator("pre").filter({ hasText: '"next"' })).toBeVisible();

  await expectNoPageOverflow(page);
  await expectNoSeriousA11yViolations(page);
});
