import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { registerStudent, uniqueId } from "./support/register";

test("a guest finds a course, registers, enrols and completes every lesson", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto("/courses");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Search courses").fill("newton");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Mechanics: Motion and Forces" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mechanics: Motion and Forces");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Create an account" }).click();
  await registerStudent(page, uniqueId(testInfo.project.name));

  // Registration brings the new student back to the course.
  await expect(page).toHaveURL(/\/courses\/mechanics-motion-and-forces$/);
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await expect(page.getByText("0 of 6 done · 0%")).toBeVisible();
  await page.getByRole("link", { name: "Start learning" }).click();

  const seenTypes = new Set<string>();
  for (let lesson = 1; lesson <= 6; lesson++) {
    await expect(page.getByText(`${lesson - 1} of 6 done`)).toBeVisible();
    if (await page.locator("iframe[title]").count()) seenTypes.add("video");
    if (await page.getByRole("link", { name: /Open the resource/ }).count()) {
      seenTypes.add("url");
      await expect(page.getByRole("link", { name: /Open the resource/ })).toHaveAttribute("rel", "noopener noreferrer");
    }
    if (lesson === 2) await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Mark complete" }).click();
    await expect(page.getByText("Lesson completed")).toBeVisible();
    if (lesson < 6) {
      const heading = await page.getByRole("heading", { level: 1 }).textContent();
      await page.getByRole("link", { name: /^Next/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(heading ?? "");
    }
  }
  expect([...seenTypes].sort()).toEqual(["url", "video"]);
  await expect(page.getByText("You have completed the whole course. Well done!")).toBeVisible();

  await page.goto("/dashboard");
  const completed = page.getByRole("region", { name: "Completed" });
  await expect(completed.getByRole("heading", { name: "Mechanics: Motion and Forces" })).toBeVisible();
  await expect(completed.getByText("6 of 6 done · 100%")).toBeVisible();
  await expect(completed.getByRole("listitem").getByText("Completed", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a private course refuses a wrong key and accepts the right one", async ({ page }, testInfo) => {
  await page.goto("/register?callbackUrl=%2Fcourses%2Fcalculus-study-group");
  await registerStudent(page, uniqueId(testInfo.project.name));
  await expect(page).toHaveURL(/\/courses\/calculus-study-group$/);

  await page.getByLabel("Enrolment key").fill("LIMITS-2025");
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await expect(page.getByText("That enrolment key is not correct. Check it with your teacher.")).toBeVisible();
  await expect(page.getByLabel("Enrolment key")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Enrolment key").fill("LIMITS-2026");
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await expect(page.getByText("0 of 2 done · 0%")).toBeVisible();
});

test("a student can leave a course and come back to the same progress", async ({ page }, testInfo) => {
  await page.goto("/register?callbackUrl=%2Fcourses%2Fcell-biology");
  await registerStudent(page, uniqueId(testInfo.project.name));
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await page.getByRole("link", { name: "Start learning" }).click();
  await page.getByRole("button", { name: "Mark complete" }).click();
  await expect(page.getByText("Lesson completed")).toBeVisible();

  await page.goto("/courses/cell-biology");
  await expect(page.getByText("1 of 3 done · 33.33%")).toBeVisible();
  await page.getByRole("button", { name: "Leave this course" }).click();
  await page.getByRole("button", { name: "Yes, leave the course" }).click();
  await expect(page.getByText("You left this course. Enrol again to pick up where you stopped.")).toBeVisible();
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await expect(page.getByText("1 of 3 done · 33.33%")).toBeVisible();
});

test("an enrolled student downloads a lesson's document; others cannot", async ({ page, browser }, testInfo) => {
  await page.goto("/register?callbackUrl=%2Fcourses%2Falgebra-essentials");
  await registerStudent(page, uniqueId(testInfo.project.name));
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await page.getByRole("link", { name: "Formula sheet" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formula sheet");
  await expectNoSeriousA11yViolations(page);

  const link = page.getByRole("link", { name: /Download quadratic-formula-sheet\.pdf/ });
  const href = await link.getAttribute("href");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("quadratic-formula-sheet.pdf");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // A guest, with no session, gets not-found for the same address.
  const guest = await browser.newContext();
  expect((await guest.request.get(new URL(href!, page.url()).toString())).status()).toBe(404);
  await guest.close();
});
