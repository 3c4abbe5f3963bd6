import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

// The seed's "Linear equations check" in Algebra Essentials (teacher@): student8
// (Hana Sato) scored 6/6, student9 (Ethan Brooks) 2/6. This spec only reads,
// but quiz-taking.spec.ts adds attempts to the same quiz in the shared
// database at the same time: figures over all attempts are checked as rules
// (at least, at most), the seeded students' own rows exactly.
const quizTitle = "Linear equations check";

async function openResults(page: Page) {
  await page.getByRole("region", { name: "Courses" }).getByRole("link", { name: "Algebra Essentials" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit course");
  const quizzes = page.getByRole("region", { name: "Quizzes of this course" });
  const row = quizzes.getByRole("row", { name: new RegExp(quizTitle) });
  await expect(row.getByRole("cell").first()).toHaveText("Published");
  await expect(row.getByRole("cell").nth(1)).toHaveText("5");
  await row.getByRole("link", { name: `Results of ${quizTitle}` }).click();
  await expect(page).toHaveURL(/\/teacher\/courses\/[0-9a-f-]{36}\/quizzes\/[0-9a-f-]{36}\/results$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Results: ${quizTitle}`);
}

const tile = (page: Page, label: string) =>
  page.getByRole("region", { name: "Summary" }).locator("div", { has: page.getByText(label, { exact: true }) }).locator("dd");

const bodyRows = (page: Page) => page.getByRole("region", { name: "Attempts table" }).locator("tbody tr");

test("the teacher reads a quiz's results: tiles, distribution, question rates, then sorts and filters the attempts", async ({
  page,
  signInAs,
}) => {
  await signInAs("teacher");
  await openResults(page);

  expect(Number(await tile(page, "Attempts").textContent())).toBeGreaterThanOrEqual(2);
  expect(Number(await tile(page, "Students").textContent())).toBeGreaterThanOrEqual(2);
  await expect(tile(page, "Average score")).toHaveText(/^\d+(\.\d+)?%$/);
  await expect(tile(page, "Median score")).toHaveText(/^\d+(\.\d+)?%$/);
  await expect(tile(page, "Highest score")).toHaveText("100%");

  const bands = page.getByRole("list", { name: "Graded attempts per score band" }).getByRole("listitem");
  await expect(bands).toHaveCount(10);
  await expect(bands.filter({ hasText: "30–40%" })).toContainText(/[1-9]\d* attempts?/);
  await expect(bands.filter({ hasText: "90–100%" })).toContainText(/[1-9]\d* attempts?/);

  const questions = page.getByRole("region", { name: "Questions" }).getByRole("listitem");
  await expect(questions).toHaveCount(5);
  for (let index = 0; index < 5; index++) {
    await expect(questions.nth(index).locator("div", { has: page.getByText("Correct rate", { exact: true }) }).locator("dd")).toHaveText(
      /^\d+(\.\d+)?%$/,
    );
  }
  await expect(questions.nth(0)).toContainText("Single choice");
  await expect(questions.nth(3)).toContainText("Unanswered");

  expect(await bodyRows(page).count()).toBeGreaterThanOrEqual(2);
  await expectNoSeriousA11yViolations(page);

  // Sort by score: the best first (a full score, like Hana Sato's), then flipped.
  const table = page.getByRole("region", { name: "Attempts table" });
  await table.getByRole("link", { name: /^Score/ }).click();
  await expect(page).toHaveURL(/sort=score&dir=desc/);
  await expect(table.getByRole("columnheader", { name: /Score/ })).toHaveAttribute("aria-sort", "descending");
  await expect(bodyRows(page).first()).toContainText("100%");
  await expect(bodyRows(page).filter({ hasText: "Hana Sato" })).toContainText("6 / 6 points");
  await table.getByRole("link", { name: /^Score/ }).click();
  await expect(page).toHaveURL(/sort=score&dir=asc/);
  await expect(table.getByRole("columnheader", { name: /Score/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(bodyRows(page).filter({ hasText: "Ethan Brooks" })).toContainText("33.33%");

  // Search a student, keeping the sort.
  await page.getByLabel("Search students").fill("ethan");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=ethan/);
  await expect(page).toHaveURL(/sort=score&dir=asc/);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText("Ethan Brooks");
  await expect(page.getByText("1 attempt found")).toBeVisible();

  // The seeded attempt opens with every answer, graded, and the right answers.
  await bodyRows(page).first().getByRole("link", { name: /Ethan Brooks/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ethan Brooks: attempt 1");
  await expect(page.getByRole("region", { name: "Score" })).toContainText("2 / 6 points");
  await expect(page.getByRole("region", { name: "Answers" }).getByRole("region")).toHaveCount(5);
  await expectNoSeriousA11yViolations(page);
  await page.goBack();

  // Filter by status, within Hana Sato's attempts: submitted, and none closing.
  await page.getByLabel("Search students").fill("hana");
  await page.getByLabel("Status").selectOption({ label: "Submitted" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=submitted/);
  await expect(bodyRows(page)).toHaveCount(1);
  await page.getByLabel("Status").selectOption({ label: "Time is up (closing)" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=closing/);
  await expect(page.getByText("No attempt matches this search.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
