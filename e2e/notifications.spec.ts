import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { addTextLesson, createCourseWithModule, enrolNewStudent, publishCourse } from "./support/course";
import { expect, test } from "./support/fixtures";
import { uniqueId } from "./support/register";

const badge = (page: Page, unread: number) =>
  page.getByRole("link", { name: unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread", exact: true });

test("a student's badge and list update live when the teacher adds a lesson; opening and marking read clear it", async ({ page, signInAs, pageAs }, testInfo) => {
  test.setTimeout(240_000);
  const tag = uniqueId(testInfo.project.name);
  const courseTitle = `Magnetism ${tag}`;
  const moduleTitle = `Fields ${tag}`;

  // The teacher sets up a published course; a new student enrols in it.
  await signInAs("teacher");
  await createCourseWithModule(page, { title: courseTitle, subject: "Physics", description: "Magnets and fields.", moduleTitle });
  await addTextLesson(page, moduleTitle, "Poles", "Every magnet has two.");
  const courseId = await publishCourse(page);
  await enrolNewStudent(page, { courseTitle, search: tag, id: uniqueId(`${testInfo.project.name}n`) });
  await page.goto("/dashboard");
  await expect(badge(page, 0)).toBeVisible();

  // The teacher, in a browser of its own, adds a lesson to the published course.
  const teacher = await pageAs("teacher");
  await teacher.goto(`/teacher/courses/${courseId}/structure`);
  await addTextLesson(teacher, moduleTitle, `Field lines ${tag}`, "They run from north to south.");

  // The student's badge counts it without a reload.
  await expect(badge(page, 1)).toBeVisible({ timeout: 20_000 });

  await badge(page, 1).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const list = page.getByRole("list", { name: "Notifications" });
  await expect(list.getByRole("listitem").filter({ hasText: "Unread" })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);

  // Following the item leads to its lesson and marks it read.
  await list.getByRole("button", { name: `New lesson: Field lines ${tag}`, exact: true }).click();
  await expect(page).toHaveURL(/\/learn\/[a-z0-9-]+\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Field lines ${tag}`);
  await expect(badge(page, 0)).toBeVisible();

  // On the list page, a new notification appears without a reload; mark all as read clears the badge.
  await page.goto("/notifications");
  await expect(page.getByText("You are all caught up.")).toBeVisible();
  await addTextLesson(teacher, moduleTitle, `Compasses ${tag}`, "A compass points north.");
  await addTextLesson(teacher, moduleTitle, `Earth's field ${tag}`, "The Earth is a magnet.");
  await expect(badge(page, 2)).toBeVisible({ timeout: 20_000 });
  await expect(list.getByRole("button", { name: `New lesson: Compasses ${tag}`, exact: true })).toBeVisible();
  await expect(list.getByRole("listitem").filter({ hasText: "Unread" })).toHaveCount(2);

  await list.getByRole("button", { name: `Mark as read: New lesson: Compasses ${tag}` }).click();
  await expect(badge(page, 1)).toBeVisible();
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(badge(page, 0)).toBeVisible();
  await expect(page.getByText("You are all caught up.")).toBeVisible();
  await expect(list.getByRole("listitem").filter({ hasText: "Unread" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("the notifications page asks a guest to sign in", { tag: "@one-width" }, async ({ page }) => {
  await page.goto("/notifications");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fnotifications$/);
});
