import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { addTextLesson, createCourseWithModule, enrolNewStudent, publishCourse } from "./support/course";
import { demoUsers, expect, signedInPage, test } from "./support/fixtures";
import { uniqueId } from "./support/register";

// Issue 7's journey end to end: an announcement reaches a signed-in student
// live, the student asks about a lesson, the teacher's reply reaches the
// student live, and the teacher pins and locks the thread. The student's page
// is never reloaded while it waits for a notification.

const badge = (page: Page, unread: number) =>
  page.getByRole("link", { name: unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread", exact: true });

test("announcement and discussion: the student hears of both without a reload, and the teacher pins and locks the thread", async ({
  page,
  browser,
  signInAs,
  viewport,
  userAgent,
}, testInfo) => {
  test.setTimeout(300_000);
  const tag = uniqueId(testInfo.project.name);
  const courseTitle = `Acoustics ${tag}`;
  const moduleTitle = `Resonance ${tag}`;
  const lessonTitle = `Standing waves ${tag}`;
  const announcementTitle = `Concert trip on Friday ${tag}`;
  const threadTitle = `Why do only some notes ring? ${tag}`;

  // The teacher publishes a course with a lesson; a new student enrols and is signed in on `page`.
  await signInAs("teacher");
  await createCourseWithModule(page, { title: courseTitle, subject: "Physics", description: "Sound in rooms and pipes.", moduleTitle });
  await addTextLesson(page, moduleTitle, lessonTitle, "A string fixed at both ends rings at its harmonics.");
  const courseId = await publishCourse(page);
  const { coursePage } = await enrolNewStudent(page, { courseTitle, search: tag, id: uniqueId(`${testInfo.project.name}j`), name: `Hearer ${tag}` });
  await page.goto("/dashboard");
  await expect(badge(page, 0)).toBeVisible();

  // The teacher, in a browser of its own, posts an announcement.
  const teacher = await signedInPage(browser, demoUsers.teacher.email, { viewport, userAgent: userAgent ?? undefined });
  await expect(teacher).toHaveURL(/\/teacher$/);
  await teacher.goto(`/teacher/courses/${courseId}/announcements`);
  const form = teacher.getByRole("region", { name: "Post an announcement" });
  await form.getByLabel("Announcement title").fill(announcementTitle);
  await form.getByLabel("Announcement message (Markdown)", { exact: true }).fill("Meet at the **main gate** at 6 pm.");
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByRole("status")).toHaveText("Posted: students will be notified.");

  // The student's badge changes without a reload; the notification opens the announcement.
  await expect(badge(page, 1)).toBeVisible({ timeout: 30_000 });
  await badge(page, 1).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("list", { name: "Notifications" }).getByRole("button", { name: `Announcement: ${announcementTitle}`, exact: true }).click();
  await expect(page).toHaveURL(/\/learn\/[a-z0-9-]+\/announcements\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(announcementTitle);
  await expect(page.locator("strong", { hasText: "main gate" })).toBeVisible();
  await expect(badge(page, 0)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The student starts a thread about the lesson.
  await page.goto(coursePage);
  await page.getByRole("link", { name: lessonTitle }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lessonTitle);
  await page.getByRole("link", { name: "Discuss this lesson" }).click();
  await page.getByLabel("Title").fill(threadTitle);
  await page.getByLabel("Message").fill("Plucking the string gives one note. Why not any note?");
  await page.getByRole("button", { name: "Start thread" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(threadTitle);
  await expectNoSeriousA11yViolations(page);

  // The teacher finds it in the course's discussions and replies.
  await teacher.goto(`/teacher/courses/${courseId}`);
  await teacher.getByRole("link", { name: "Discussions" }).click();
  await teacher.getByRole("link", { name: threadTitle }).click();
  await teacher.getByLabel("Your reply").fill("Only waves that fit the string **a whole number of half-times** survive.");
  await teacher.getByRole("button", { name: "Post reply" }).click();
  await expect(teacher.getByRole("list", { name: "Posts" }).getByText("survive")).toBeVisible();

  // The student, who follows its own thread, is told without a reload and follows the link to the reply.
  await expect(badge(page, 1)).toBeVisible({ timeout: 30_000 });
  await badge(page, 1).click();
  await page.getByRole("list", { name: "Notifications" }).getByRole("button", { name: `New reply: ${threadTitle}`, exact: true }).click();
  await expect(page).toHaveURL(/\/discussions\/[0-9a-f-]{36}(\?[^#]*)?#post-[0-9a-f-]{36}$/);
  const reply = page.getByRole("list", { name: "Posts" }).getByRole("listitem").filter({ hasText: "survive" });
  await expect(reply).toContainText("Teacher");

  // The teacher pins and locks the thread; the student sees both and can no longer reply.
  await teacher.getByRole("button", { name: "Pin", exact: true }).click();
  await expect(teacher.getByRole("button", { name: "Unpin" })).toBeVisible();
  await teacher.getByRole("button", { name: "Lock", exact: true }).click();
  await expect(teacher.getByRole("button", { name: "Unlock" })).toBeVisible();
  await teacher.context().close();

  await page.reload();
  await expect(page.getByText("Pinned", { exact: true })).toBeVisible();
  await expect(page.getByText("Locked", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Your reply")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
