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

  // Read every operation's article in one round trip: one locator per operation cost a
  // few hundred browser calls and most of this test's time.
  const articles = await page.locator("article[id]").evaluateAll((elements) =>
    elements.map((element) => ({
      id: element.id,
      heading: (element.querySelector("h3")?.textContent ?? "").replace(/\s+/g, " ").trim(),
      text: element.textContent ?? "",
      visible: element.getBoundingClientRect().height > 0,
    })),
  );
  for (const operation of operations) {
    const article = articles.find((candidate) => candidate.id === operation.operationId);
    expect(article, operation.operationId).toBeDefined();
    expect(article?.visible, operation.operationId).toBe(true);
    expect(article?.heading).toBe(`${operation.method} ${operation.path}`);
    expect(article?.text).toContain(operation.summary);
    expect(article?.text).toContain(operation.operationId);
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
  // Every operation card is the same component: the first of each group stands for the rest.
  await expectNoSeriousA11yViolations(page, { exclude: ["article ~ article"] });
});
