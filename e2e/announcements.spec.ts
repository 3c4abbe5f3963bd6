import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { addTextLesson, createCourseWithModule, enrolNewStudent, publishCourse } from "./support/course";
import { expect, test } from "./support/fixtures";
import { uniqueId } from "./support/register";

const badge = (page: Page, unread: number) =>
  page.getByRole("link", { name: unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread", exact: true });

// The announcement half of issue 7's journey (the discussion half is in
// discussions.spec.ts): the student's page is never reloaded while it waits.
test("a teacher posts an announcement; its student hears of it live, reads it on its own page, the course page and the dashboard; the teacher edits and deletes it", async ({
  page,
  signInAs,
  pageAs,
}, testInfo) => {
  test.setTimeout(240_000);
  const tag = uniqueId(testInfo.project.name);
  const courseTitle = `Optics ${tag}`;
  const moduleTitle = `Lenses ${tag}`;
  const title = `Lab moved ${tag}`;
  const newTitle = `Lab on Monday ${tag}`;

  // The teacher publishes a course with a lesson; a new student enrols and waits on its dashboard.
  await signInAs("teacher");
  await createCourseWithModule(page, { title: courseTitle, subject: "Physics", description: "Light and lenses.", moduleTitle });
  await addTextLesson(page, moduleTitle, "Thin lenses", "1/f = 1/u + 1/v");
  const courseId = await publishCourse(page);
  const { coursePage } = await enrolNewStudent(page, { courseTitle, search: tag, id: uniqueId(`${testInfo.project.name}n`) });
  await page.goto("/dashboard");
  await expect(badge(page, 0)).toBeVisible();

  // The teacher, in a browser of its own, opens Announcements from the course page; an empty title is refused next to the field.
  const teacher = await pageAs("teacher");
  await teacher.goto(`/teacher/courses/${courseId}`);
  await teacher.getByRole("link", { name: "Announcements", exact: true }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText(`Announcements: ${courseTitle}`);
  const form = teacher.getByRole("region", { name: "Post an announcement" });
  await form.getByLabel("Announcement message (Markdown)", { exact: true }).fill("Bring your **lab notebook**.\n\n- a ruler\n- a stopwatch");
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByText("Enter a title.")).toBeVisible();
  await expect(form.getByLabel("Announcement title")).toHaveAttribute("aria-invalid", "true");

  // Posting answers at once, says the students will hear of it, and clears the form.
  await form.getByLabel("Announcement title").fill(title);
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByRole("status")).toHaveText("Posted: students will be notified.");
  await expect(form.getByLabel("Announcement title")).toHaveValue("");
  await expect(form.getByLabel("Announcement message (Markdown)", { exact: true })).toHaveValue("");
  const posted = teacher.getByRole("region", { name: /Posted announcements/ });
  await expect(posted.getByRole("heading", { name: title })).toBeVisible();
  await expect(posted.locator("strong", { hasText: "lab notebook" })).toBeVisible();
  await expectNoSeriousA11yViolations(teacher);

  // The student's badge changes without a reload; the notification opens the announcement, rendered.
  await expect(badge(page, 1)).toBeVisible({ timeout: 30_000 });
  await badge(page, 1).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await page.getByRole("list", { name: "Notifications" }).getByRole("button", { name: `Announcement: ${title}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const announcementUrl = new URL(page.url()).pathname;
  expect(announcementUrl).toMatch(/^\/learn\/[a-z0-9-]+\/announcements\/[0-9a-f-]{36}$/);
  await expect(page.locator("article strong", { hasText: "lab notebook" })).toBeVisible();
  await expect(page.locator("article li")).toHaveText(["a ruler", "a stopwatch"]);
  await expect(page.getByText("Meera Kapoor")).toBeVisible();
  await expect(page.locator("article time")).toBeVisible();
  await expect(badge(page, 0)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // It is also on the dashboard, on the course page, and in the course's list of announcements.
  await page.goto("/dashboard");
  const dashboardNews = page.getByRole("region", { name: "Latest announcements" });
  await expect(dashboardNews.getByRole("link", { name: title })).toBeVisible();
  await expect(dashboardNews).toContainText(courseTitle);
  await page.goto(coursePage);
  const courseNews = page.getByRole("region", { name: "Announcements", exact: true });
  await expect(courseNews.getByRole("link", { name: title })).toBeVisible();
  await courseNews.getByRole("link", { name: "All announcements" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Announcements: ${courseTitle}`);
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${announcementUrl}$`));

  // A student not enrolled in the course gets not found for its announcements.
  await signInAs("student");
  expect((await page.goto(announcementUrl))?.status()).toBe(404);
  expect((await page.goto(announcementUrl.replace(/\/[0-9a-f-]{36}$/, "")))?.status()).toBe(404);

  // The teacher edits the title, then deletes it after confirming.
  await teacher.getByRole("button", { name: `Edit ${title}` }).click();
  await teacher.getByLabel("Title", { exact: true }).fill(newTitle);
  await teacher.getByRole("button", { name: "Save announcement" }).click();
  await expect(posted.getByRole("heading", { name: newTitle })).toBeVisible();
  await expect(posted.getByRole("heading", { name: title, exact: true })).toHaveCount(0);

  await posted.getByRole("button", { name: `Delete ${newTitle}` }).click();
  await posted.getByRole("button", { name: `Yes, delete ${newTitle}` }).click();
  await expect(posted.getByText("Nothing posted yet.")).toBeVisible();
  const gone = await teacher.goto(announcementUrl);
  expect(gone?.status()).toBe(404);
});
