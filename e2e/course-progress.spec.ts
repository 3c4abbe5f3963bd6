import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

// The teacher's progress view of a course: it finds the quiet student of the
// demo seed (Priya Nair, student4@, 12 days without activity), sees why she
// is flagged, opens her drill-down and downloads the view as CSV. Read-only,
// so the desktop and mobile runs can share the database.

const course = "Mechanics: Motion and Forces";
const quietStudent = "Priya Nair";

test("a teacher finds an at-risk student, opens the drill-down and exports CSV", async ({ page, signInAs }) => {
  // Two axe scans and a download on a shared, busy machine.
  test.setTimeout(180_000);
  await signInAs("teacher");
  await page.getByRole("region", { name: "Courses" }).getByRole("link", { name: course }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit course");
  await page.getByRole("navigation", { name: "Course" }).getByRole("link", { name: "Progress" }).click();
  await expect(page).toHaveURL(/\/teacher\/courses\/[0-9a-f-]{36}\/progress$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Progress: ${course}`);
  await expect(page.getByRole("term").filter({ hasText: "At risk" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Only the at-risk students, with the reason in words.
  await page.getByLabel("At-risk students only").check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]atRisk=1/);
  const table = page.getByRole("region", { name: "Students' progress" });
  const row = table.getByRole("row").filter({ hasText: quietStudent });
  await expect(row).toContainText("At risk");
  await expect(row).toContainText(/No activity for 1[2-9] days/);
  for (const text of await table.locator("tbody tr").allTextContents()) expect(text).toContain("At risk");
  await expectNoSeriousA11yViolations(page);

  // Sorting keeps the filter and works from the column header.
  await table.getByRole("link", { name: "Progress", exact: true }).click();
  await expect(page).toHaveURL(/[?&]sort=progress&dir=asc/);
  await expect(page).toHaveURL(/[?&]atRisk=1/);
  await expect(table.getByRole("columnheader", { name: "Progress" })).toHaveAttribute("aria-sort", "ascending");

  // The CSV has the same filter: a header, then the flagged students.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(csv.startsWith("\uFEFFStudent,Email,Enrolment,Progress %,Lessons done,Lessons total,Quiz average %,Assignment average %")).toBe(true);
  expect(csv).toMatch(new RegExp(`${quietStudent},student4@jeevi\\.example,active,.*No activity for 1[2-9] days`));

  // The student's name opens the drill-down of that student in this course.
  const link = row.getByRole("link", { name: new RegExp(quietStudent) });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/teacher\/courses\/[0-9a-f-]{36}\/progress\/[0-9a-f-]{36}$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test("the teaching dashboard counts each course's at-risk students and links to them", async ({ page, signInAs }) => {
  await signInAs("teacher");
  const courses = page.getByRole("region", { name: "Courses" });
  // The link's own words; its row (headed by the course title) says which course.
  await courses.getByRole("row", { name: new RegExp(course) }).getByRole("link", { name: /^1\s*at risk: see who$/ }).click();
  await expect(page).toHaveURL(/\/teacher\/courses\/[0-9a-f-]{36}\/progress\?atRisk=1$/);
  await expect(page.getByLabel("At-risk students only")).toBeChecked();
  await expect(page.getByRole("region", { name: "Students' progress" }).locator("tbody tr")).toHaveCount(1);
});
