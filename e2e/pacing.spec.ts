import { expectNoSeriousA11yViolations } from "./support/axe";
import { addTextLesson, createCourseWithModule, enrolNewStudent, moduleCard, publishCourse } from "./support/course";
import { expect, test, useSession } from "./support/fixtures";
import { uniqueId } from "./support/register";

const pad = (n: number) => String(n).padStart(2, "0");
/** A date `days` ahead in the browser's (this machine's) zone, as a date input's value. */
const dayAhead = (days: number) => {
  const at = new Date(Date.now() + days * 86_400_000);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
};

// A browser away from the server's UTC: with no zone chosen in settings, forms and the calendar follow the browser's.
test.use({ timezoneId: "Asia/Kolkata" });

test("a teacher paces a course and schedules a class; a student sees what is locked and why, its own extended due date, and the term in its calendar and its calendar app", async ({
  page,
  browser,
  signInAs,
}, testInfo) => {
  test.setTimeout(300_000);
  const tag = uniqueId(testInfo.project.name);
  const courseTitle = `Waves ${tag}`;
  const moduleTitle = `Sound ${tag}`;
  const first = `Pitch ${tag}`;
  const second = `Loudness ${tag}`;
  const assignmentTitle = `Tuning fork report ${tag}`;
  const eventTitle = `Lab class ${tag}`;
  const studentName = `Paced student ${tag}`;

  // The teacher builds a course: two lessons and an assignment due in five days.
  await signInAs("teacher");
  await createCourseWithModule(page, { title: courseTitle, subject: "Physics", description: "Sound and its measures.", moduleTitle });
  await addTextLesson(page, moduleTitle, first, "Pitch follows frequency.");
  await addTextLesson(page, moduleTitle, second, "Loudness follows amplitude.");
  const card = moduleCard(page, moduleTitle);
  await card.getByRole("button", { name: `Add an assignment to ${moduleTitle}` }).click();
  await card.getByLabel("Title", { exact: true }).fill(assignmentTitle);
  await card.getByLabel("Instructions (Markdown)").fill("Measure a tuning fork's frequency.");
  await card.getByLabel("Points").fill("10");
  await card.getByLabel("Due date (optional)").fill(`${dayAhead(5)}T17:00`);
  await card.getByRole("button", { name: "Add assignment" }).click();
  const row = card.getByRole("list", { name: `Assignments of ${moduleTitle}` }).getByRole("listitem");
  await row.getByRole("button", { name: `Publish ${assignmentTitle}` }).click();
  await expect(row.getByRole("button", { name: `Unpublish ${assignmentTitle}` })).toBeVisible();

  // The second lesson waits for the first: set from its row in the structure editor.
  await page.getByRole("link", { name: `Release conditions of ${second}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Release conditions: ${second}`);
  await page.getByRole("button", { name: "Add a condition" }).click();
  await page.getByLabel("Kind of condition").selectOption({ label: "After another item is completed" });
  await page.getByRole("button", { name: "Save release conditions" }).click();
  await expect(page.getByText("Choose the module, lesson or task to complete first.")).toBeVisible();
  await page.getByLabel("Item to complete first").selectOption({ label: `Lesson: ${first}` });
  await page.getByRole("button", { name: "Save release conditions" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved:" })).toContainText(first);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "← Modules and lessons" }).click();
  await expect(page.getByRole("link", { name: `Edit release conditions of ${second}` })).toBeVisible();
  const courseId = await publishCourse(page);

  // A weekly class, three times, from two days on.
  await page.goto(`/teacher/courses/${courseId}`);
  await page.getByRole("link", { name: "Events", exact: true }).click();
  await page.getByRole("link", { name: "Add an event" }).click();
  await page.getByLabel("Title").fill(eventTitle);
  await page.getByLabel("Place (optional)").fill("Physics lab");
  await page.getByLabel("Start date").fill(dayAhead(2));
  await page.getByLabel("Start time").fill("10:00");
  await page.getByLabel("End date").fill(dayAhead(2));
  await page.getByLabel("End time").fill("11:00");
  await page.getByLabel("Repeats").selectOption({ label: "Every week" });
  await page.getByRole("textbox", { name: "Number of times" }).fill("3");
  await page.getByRole("button", { name: "Add event" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Events: ${courseTitle}`);
  await expect(page.getByRole("link", { name: eventTitle, exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A new student enrols: the second lesson is listed, locked, with why.
  const { coursePage, session } = await enrolNewStudent(page, { courseTitle, search: tag, id: uniqueId(`${testInfo.project.name}p`), name: studentName });
  await expect(page.getByText(`Complete “${first}” first`).first()).toBeVisible();
  await expect(page.getByRole("link", { name: second })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Its calendar has the class (week and month) and the assignment; the dashboard lists what is due this week.
  await page.goto(`/calendar?view=week&date=${dayAhead(2)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar");
  await expect(page.locator("[data-time-zone]").first()).toHaveText(/^Asia\/(Kolkata|Calcutta)$/);
  await expect(page.getByRole("link", { name: new RegExp(eventTitle) }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/calendar?view=month&date=${dayAhead(9)}`);
  await expect(page.getByRole("link", { name: new RegExp(eventTitle) }).first()).toBeVisible();
  await page.goto(`/calendar?view=agenda&date=${dayAhead(5)}`);
  await expect(page.getByRole("link", { name: new RegExp(assignmentTitle) }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto("/dashboard");
  const due = page.getByRole("region", { name: "Due this week" });
  await expect(due.getByRole("link", { name: new RegExp(assignmentTitle) })).toBeVisible();

  // It subscribes from its calendar app: the address answers without a session, and revoking ends it.
  await page.goto("/settings/calendar-feed");
  await page.getByRole("button", { name: "Make my calendar address" }).click();
  const address = await page.getByLabel("Calendar address (https)").inputValue();
  expect(address).toMatch(/\/api\/calendar\/feed\/.+\.ics$/);
  await expectNoSeriousA11yViolations(page);
  const app = await browser.newContext();
  const feed = await app.request.get(address);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const body = await feed.text();
  expect(body).toContain("BEGIN:VCALENDAR");
  expect(body).toContain(eventTitle);
  expect(body).toContain("RRULE:FREQ=WEEKLY");
  expect(body.replace(/\r\n[ \t]/g, "")).toContain(assignmentTitle);
  await page.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByRole("button", { name: "Make my calendar address" })).toBeVisible();
  expect((await app.request.get(address)).status()).toBe(404);
  await app.close();

  // Finishing the first lesson opens the second.
  await page.goto(coursePage);
  await page.getByRole("link", { name: "Start learning" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first);
  await page.getByRole("button", { name: "Mark complete" }).click();
  await expect(page.getByText("Lesson completed")).toBeVisible();
  await page.goto(coursePage);
  await page.getByRole("link", { name: second }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(second);

  // The teacher gives this student two more weeks for the assignment.
  await signInAs("teacher");
  await page.goto(`/teacher/courses/${courseId}/structure`);
  await page.getByRole("link", { name: `Extensions and overrides of ${assignmentTitle}` }).click();
  await page.getByLabel("Student", { exact: true }).selectOption({ label: studentName });
  await page.getByLabel("Own due date").fill(`${dayAhead(19)}T17:00`);
  await page.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByRole("region", { name: "Overrides" }).getByRole("row", { name: new RegExp(studentName) })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // And previews the course as that student: both lessons open, one done.
  await page.goto(`/teacher/courses/${courseId}`);
  await page.getByRole("link", { name: "Preview as student" }).click();
  await page.getByLabel("Student", { exact: true }).selectOption({ label: studentName });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText(`Complete “${first}” first`)).toHaveCount(0);
  await expect(page.getByRole("main")).toContainText(second);
  await expectNoSeriousA11yViolations(page);

  // The student's assignment page shows its own due date, marked extended.
  await useSession(page, session);
  await page.goto(coursePage);
  await page.getByRole("link", { name: assignmentTitle }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(assignmentTitle);
  await expect(page.getByText("(extended)")).toBeVisible();
});
