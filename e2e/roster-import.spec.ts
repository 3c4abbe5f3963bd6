import { expectNoSeriousA11yViolations } from "./support/axe";
import { expectNoPageOverflow } from "./support/layout";
import { expect, test } from "./support/fixtures";
import { uniqueId } from "./support/register";

const csvFile = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

test("an admin imports a roster (fixing a bad line first), then enrols a cohort in a course", async ({ page, signInAs }, testInfo) => {
  const id = uniqueId(testInfo.project.name).replace(/[^a-zA-Z0-9_]/g, "_");
  const ana = `ana_${id}@school.example`;
  const ben = `ben_${id}@school.example`;
  const header = "Name,Email,Username,Role,Class\n";
  await signInAs("admin");

  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Import users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import users" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download the template" })).toHaveAttribute("href", "/admin/users/import/template.csv");

  // One bad line: the preview names it and nothing can be saved.
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(csvFile("roster.csv", `${header}Ana ${id},${ana},ana_${id},student,10\nBen ${id},not-an-email,ben_${id},student,10\n`));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "1 row needs attention" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Rows with problems" })).toContainText("Line 3: The email “not-an-email” is not a valid address.");
  await expect(page.getByRole("button", { name: "Save the import" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await expectNoPageOverflow(page);

  // Fixed, previewed again, saved.
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(csvFile("roster-fixed.csv", `${header}Ana ${id},${ana},ana_${id},student,10\nBen ${id},${ben},ben_${id},student,10\n`));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview: 2 rows, all valid" })).toBeVisible();
  await page.getByRole("button", { name: "Save the import" }).click();
  await expect(page.getByRole("heading", { name: "Import saved" })).toBeVisible();
  const report = page.getByRole("list", { name: "What the import did" });
  await expect(report).toContainText("Created: 2");
  await expect(report).toContainText("Invitations queued: 2");
  await expect(page.getByRole("link", { name: `Ana ${id}` })).toHaveAttribute("href", `/admin/users?q=${encodeURIComponent(ana)}`);

  // A cohort of the two, enrolled in a course in one step.
  await page.goto("/admin/cohorts");
  await page.getByLabel("Name", { exact: true }).fill(`Cohort ${id}`);
  await page.getByRole("button", { name: "Create cohort" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Cohort ${id}` })).toBeVisible();
  await page.getByLabel("Emails", { exact: true }).fill(`${ana}\n${ben}`);
  await page.getByRole("button", { name: "Add these people" }).click();
  await expect(page.getByText("Added 2; 0 enrolments made.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Members", exact: true }).getByRole("row")).toHaveCount(3);
  await page.getByLabel("Course", { exact: true }).selectOption({ label: "Mechanics: Motion and Forces" });
  await page.getByRole("button", { name: "Enrol the cohort" }).click();
  await expect(page.getByText("Enrolled 2 students.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Linked courses" })).toContainText("Mechanics: Motion and Forces");
  await expectNoSeriousA11yViolations(page);
  await expectNoPageOverflow(page);
});
