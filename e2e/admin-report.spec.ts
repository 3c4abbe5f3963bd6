import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

// The admin's site report: filter by subject and status, keep the filters in
// the address, export the same enrolments as CSV, and read the charts' data as
// tables. Read-only, so the desktop and mobile runs can share the database.
// Other specs add enrolments too, so it checks rules, not exact lists.

test("an admin filters the site report and exports it as CSV", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto("/admin/report");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Site report");
  await expect(page.getByRole("term").filter({ hasText: "Completion rate" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Enrolments per week" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Subject").selectOption("physics");
  await page.getByLabel("Enrolment status").selectOption("active");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]subject=physics/);
  await expect(page).toHaveURL(/[?&]status=active/);
  await expect(page.getByLabel("Subject")).toHaveValue("physics");
  await expect(page.getByLabel("Enrolment status")).toHaveValue("active");

  const table = page.getByRole("region", { name: "Enrolments and progress" });
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toContainText("physics");
  for (const text of await rows.allTextContents()) {
    expect(text).toContain("physics");
    expect(text).toContain("Active");
  }

  // Sorting from a header keeps the filters.
  await table.getByRole("link", { name: "Progress", exact: true }).click();
  await expect(page).toHaveURL(/[?&]sort=progress/);
  await expect(page).toHaveURL(/[?&]subject=physics/);
  await expect(page).toHaveURL(/[?&]status=active/);

  // The charts' text alternative: the funnel's data as a table, physics courses only.
  const funnel = page.getByRole("figure", { name: "Completion funnel per course" });
  await funnel.getByText("Show the data as a table").click();
  await expect(funnel.getByRole("table")).toBeVisible();
  await expect(funnel.getByRole("rowheader").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The CSV has the same filters: the site columns, then only active physics enrolments.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(csv.startsWith("\uFEFFStudent,Email,Course,Teacher,Subject,Enrolment,Progress %")).toBe(true);
  const lines = csv.trim().split("\r\n").slice(1);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toMatch(/,physics,active,/);
});
