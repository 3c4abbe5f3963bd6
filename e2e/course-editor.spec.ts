import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { uniqueId } from "./support/register";

test("a teacher creates a course with a Markdown preview, saves it, cannot publish it without lessons and deletes it", async ({
  page,
  signInAs,
}, testInfo) => {
  test.setTimeout(120_000);
  const title = `Sound and Light ${uniqueId(testInfo.project.name)}`;
  await signInAs("teacher");
  await page.getByRole("link", { name: "New course" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New course");
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Subject", { exact: true }).fill("Physics");
  await page.getByLabel("Description", { exact: true }).fill("Waves carry **energy**, not matter.");
  const preview = page.getByRole("region", { name: "Preview of description" });
  await expect(preview.locator("strong")).toHaveText("energy");

  // A private course needs its key: the error sits next to the field, and nothing is created.
  await page.getByRole("radio", { name: "Private", exact: true }).check();
  await page.getByRole("button", { name: "Create course" }).click();
  const key = page.getByLabel("Enrolment key", { exact: true });
  await expect(key).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("A private course needs an enrolment key: students type it to join.")).toBeVisible();
  await expect(page).toHaveURL(/\/teacher\/courses\/new$/);
  await key.fill("WAVES-2026");
  await page.getByRole("button", { name: "Create course" }).click();

  await expect(page).toHaveURL(/\/teacher\/courses\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit course");
  await expect(page.getByText("Saved as a draft.")).toBeVisible();
  await expect(page.getByLabel("Enrolment key", { exact: true })).toHaveValue("WAVES-2026");
  await expect(page.getByRole("link", { name: "Edit modules and lessons" })).toHaveAttribute(
    "href",
    /^\/teacher\/courses\/[0-9a-f-]{36}\/structure$/,
  );
  await expect(page.getByRole("link", { name: "View course page" })).toHaveAttribute("href", /^\/courses\/sound-and-light-/);
  await expect(preview.locator("strong")).toHaveText("energy");
  await expectNoSeriousA11yViolations(page);

  // Bad input is refused next to its field; a good change is saved.
  await page.getByLabel("Title", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Give the course a title.")).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(`${title} (revised)`);
  await page.getByLabel("Learning objectives", { exact: true }).fill("- Explain *echoes*");
  await expect(page.getByRole("region", { name: "Preview of learning objectives" }).locator("em")).toHaveText("echoes");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(`${title} (revised)`);

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Add at least one lesson before publishing.", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Status" }).getByText("Draft")).toBeVisible();

  await page.getByRole("button", { name: "Delete this draft" }).click();
  await expect(page.getByText(`Delete “${title} (revised)” for good?`)).toBeVisible();
  await page.getByRole("button", { name: "Yes, delete the course" }).click();
  await expect(page).toHaveURL(/\/teacher\?deleted=1$/);
  await expect(page.getByText("The course was deleted.")).toBeVisible();
  await expect(page.getByRole("link", { name: `${title} (revised)` })).toHaveCount(0);
});
