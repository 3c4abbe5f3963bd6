import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

// The demo seed: the student has done 3 of Mechanics' 6 lessons (and 5 in
// Chemistry); in Mechanics, student4 (Priya Nair) has done none and has been
// quiet for 12 days.

const mechanics = { slug: "mechanics-motion-and-forces", title: "Mechanics: Motion and Forces" };
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test.describe("progress per course", () => {
  test("a student opens My progress → a course and sees its lessons done and its grades", async ({ page, signInAs }) => {
    // Two pages and an axe scan after a slow password hash: near one test's default time on a busy machine.
    test.slow();
    await signInAs("student");
    await page.goto("/progress");
    const myCourses = page.getByRole("region", { name: "My courses" });
    await expect(myCourses.getByRole("progressbar", { name: `Progress in ${mechanics.title}` })).toBeVisible();
    await myCourses.getByRole("link", { name: mechanics.title }).click();

    await expect(page).toHaveURL(new RegExp(`/progress/${mechanics.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(mechanics.title);
    await expect(page).toHaveTitle(new RegExp(`^My progress · ${mechanics.title.replace(/[:.]/g, "\\$&")}`));
    const lessons = page.getByRole("region", { name: "Lessons" });
    await expect(lessons.getByRole("listitem").filter({ hasText: /Done · / })).toHaveCount(3);
    await expect(lessons.getByRole("link", { name: "Position, displacement and distance" })).toHaveAttribute("href", new RegExp(`^/learn/${mechanics.slug}/`));
    await expect(page.getByText("3 of 6", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Assignments and grades" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Quiz attempts" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "← My progress" }).click();
    await expect(page).toHaveURL(/\/progress$/);
  });

  test("the teacher opens the drill-down of a quiet Mechanics student", async ({ page, signInAs }) => {
    await signInAs("teacher");
    const courseLink = page.getByRole("link", { name: mechanics.title }).first();
    const courseId = (await courseLink.getAttribute("href"))?.match(uuid)?.[0];
    expect(courseId).toBeTruthy();

    await page.goto(`/teacher/courses/${courseId}/progress`);
    await page.getByRole("link", { name: /^Priya Nair\b.*progress details$/ }).click();
    await expect(page).toHaveURL(new RegExp(`/teacher/courses/${courseId}/progress/${uuid.source}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Priya Nair");
    await expect(page.getByText("student4@jeevi.example", { exact: false }).first()).toBeVisible();
    const lessons = page.getByRole("region", { name: "Lessons" });
    await expect(lessons.getByRole("listitem").filter({ hasText: "Not done" })).toHaveCount(6);
    await expect(page.getByText("0 of 6", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Assignments" })).toBeVisible();
    await expect(page.getByRole("link", { name: `← Progress in ${mechanics.title}` })).toHaveAttribute("href", `/teacher/courses/${courseId}/progress`);
    await expectNoSeriousA11yViolations(page);

    // A course that is not this student's (or not this teacher's) is not found.
    expect((await page.goto(`/teacher/courses/${courseId}/progress/00000000-0000-4000-8000-000000000000`))?.status()).toBe(404);
  });
});
