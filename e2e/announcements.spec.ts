import { expectNoSeriousA11yViolations } from "./support/axe";
import { addTextLesson, createCourseWithModule, enrolNewStudent, publishCourse } from "./support/course";
import { expect, SignInPage, signOut, test } from "./support/fixtures";
import { studentPassword, uniqueId } from "./support/register";

test("a teacher posts an announcement; its student reads it on the course page, the dashboard and its own page; the teacher edits and deletes it", async ({
  page,
  signInAs,
}, testInfo) => {
  test.setTimeout(240_000);
  const tag = uniqueId(testInfo.project.name);
  const courseTitle = `Optics ${tag}`;
  const moduleTitle = `Lenses ${tag}`;
  const title = `Lab moved ${tag}`;
  const newTitle = `Lab on Monday ${tag}`;

  // The teacher publishes a course with a lesson; a new student enrols.
  await signInAs("teacher");
  await createCourseWithModule(page, { title: courseTitle, subject: "Physics", description: "Light and lenses.", moduleTitle });
  await addTextLesson(page, moduleTitle, "Thin lenses", "1/f = 1/u + 1/v");
  const courseId = await publishCourse(page);
  const { coursePage, email } = await enrolNewStudent(page, { courseTitle, search: tag, id: uniqueId(`${testInfo.project.name}n`) });
  await signOut(page);

  // The teacher opens Announcements from the course page; an empty title is refused next to the field.
  await signInAs("teacher");
  await page.goto(`/teacher/courses/${courseId}`);
  await page.getByRole("link", { name: "Announcements", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Announcements: ${courseTitle}`);
  const form = page.getByRole("region", { name: "Post an announcement" });
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
  const posted = page.getByRole("region", { name: /Posted announcements/ });
  await expect(posted.getByRole("heading", { name: title })).toBeVisible();
  await expect(posted.locator("strong", { hasText: "lab notebook" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await signOut(page);

  // The student sees it on the dashboard, on the course page, and reads it rendered on its own page.
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email, studentPassword);
  await expect(page).toHaveURL(/\/dashboard$/);
  const dashboardNews = page.getByRole("region", { name: "Latest announcements" });
  await expect(dashboardNews.getByRole("link", { name: title })).toBeVisible();
  await expect(dashboardNews).toContainText(courseTitle);

  await page.goto(coursePage);
  const courseNews = page.getByRole("region", { name: "Announcements", exact: true });
  await expect(courseNews.getByRole("link", { name: title })).toBeVisible();
  await courseNews.getByRole("link", { name: "All announcements" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Announcements: ${courseTitle}`);
  await page.getByRole("link", { name: title }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const announcementUrl = new URL(page.url()).pathname;
  expect(announcementUrl).toMatch(/^\/learn\/[a-z0-9-]+\/announcements\/[0-9a-f-]{36}$/);
  await expect(page.locator("article strong", { hasText: "lab notebook" })).toBeVisible();
  await expect(page.locator("article li")).toHaveText(["a ruler", "a stopwatch"]);
  await expect(page.getByText("Meera Kapoor")).toBeVisible();
  await expect(page.locator("article time")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await signOut(page);

  // A student not enrolled in the course gets not found for its announcements.
  await signInAs("student");
  expect((await page.goto(announcementUrl))?.status()).toBe(404);
  expect((await page.goto(announcementUrl.replace(/\/[0-9a-f-]{36}$/, "")))?.status()).toBe(404);
  await page.goto("/dashboard");
  await signOut(page);

  // The teacher edits the title, then deletes it after confirming.
  await signInAs("teacher");
  await page.goto(`/teacher/courses/${courseId}/announcements`);
  await page.getByRole("button", { name: `Edit ${title}` }).click();
  await page.getByLabel("Title", { exact: true }).fill(newTitle);
  await page.getByRole("button", { name: "Save announcement" }).click();
  await expect(posted.getByRole("heading", { name: newTitle })).toBeVisible();
  await expect(posted.getByRole("heading", { name: title, exact: true })).toHaveCount(0);

  await posted.getByRole("button", { name: `Delete ${newTitle}` }).click();
  await posted.getByRole("button", { name: `Yes, delete ${newTitle}` }).click();
  await expect(posted.getByText("Nothing posted yet.")).toBeVisible();
  const gone = await page.goto(announcementUrl);
  expect(gone?.status()).toBe(404);
});
