import { expectNoSeriousA11yViolations } from "./support/axe";
import { addTextLesson, createCourseWithModule, enrolNewStudent, escapeRegExp as escape, moduleCard, publishCourse } from "./support/course";
import { expect, test, useSession } from "./support/fixtures";
import { uniqueId } from "./support/register";

const pdfBytes = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

/**
 * 15 seconds from now, as a datetime-local value with seconds in the browser's (this machine's) zone.
 * The form must reach the server before it (a due date must be in the future): the field is filled last,
 * just before the form is sent, so the margin need only cover one click. The seconds (which the field
 * takes when typed, though its picker offers whole minutes) spare the test a wait for the next whole
 * minute, up to a minute idle: by the time the student has enrolled, the due date has passed.
 */
function soonDueDate(): { value: string; at: Date } {
  const at = new Date(Math.ceil((Date.now() + 15_000) / 1000) * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    value: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`,
    at,
  };
}

test("a teacher sets an assignment; a student hands in late; the teacher grades and releases; grades and gradebook show it", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(300_000);
  const tag = uniqueId(testInfo.project.name);
  const courseTitle = `Pendulums ${tag}`;
  const moduleTitle = `Oscillations ${tag}`;
  const assignmentTitle = `Lab report ${tag}`;
  const studentName = `Lab student ${tag}`;

  // The teacher creates a course with a lesson and an assignment due within about a minute that takes late work at 10% a day.
  await signInAs("teacher");
  await createCourseWithModule(page, { title: courseTitle, subject: "Physics", description: "Timing swings.", moduleTitle });
  await addTextLesson(page, moduleTitle, "Period of a pendulum", "T = 2π √(L/g)");
  const card = moduleCard(page, moduleTitle);

  await card.getByRole("button", { name: `Add an assignment to ${moduleTitle}` }).click();
  // A form with nothing to hand in is refused next to the field.
  await card.getByLabel("Title", { exact: true }).fill(assignmentTitle);
  await card.getByLabel("Instructions (Markdown)").fill("Time ten swings and **report g** with your method.");
  await card.getByLabel("Text written on the page").uncheck();
  await card.getByLabel("Files, at most").fill("0");
  await card.getByRole("button", { name: "Add assignment" }).click();
  await expect(card.getByText("Allow at least one file, or text entry, so students can hand something in.")).toBeVisible();
  await card.getByLabel("Text written on the page").check();
  await card.getByLabel("Files, at most").fill("2");
  await card.getByLabel("Points").fill("10");
  await card.getByLabel("Accept work after the due date").check();
  await card.getByLabel("Penalty").selectOption("percent_per_day");
  await card.getByLabel("Percent taken off").fill("10");
  const due = soonDueDate();
  await card.getByLabel("Due date (optional)").fill(due.value);
  await card.getByRole("button", { name: "Add assignment" }).click();
  const row = card.getByRole("list", { name: `Assignments of ${moduleTitle}` }).getByRole("listitem");
  await expect(row).toContainText(assignmentTitle);
  await expectNoSeriousA11yViolations(page);
  await row.getByRole("button", { name: `Publish ${assignmentTitle}` }).click();
  await expect(row.getByRole("button", { name: `Unpublish ${assignmentTitle}` })).toBeVisible();

  const courseId = await publishCourse(page);

  // A new student finds the course, enrols and opens the assignment from the syllabus.
  const { email: studentEmail, session: studentSession } = await enrolNewStudent(page, {
    courseTitle,
    search: tag,
    id: uniqueId(`${testInfo.project.name}a`),
    name: studentName,
  });
  await page.getByRole("link", { name: assignmentTitle }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(assignmentTitle);
  // The "Late work" entry of the header (once the due date has passed, the hand-in form's warning repeats the same words).
  await expect(page.getByRole("definition").filter({ hasText: "Late work is accepted with 10% taken off per day late." })).toBeVisible();

  // After the due date: the page warns, the file uploads, and the receipt says what arrived and that it is late.
  await page.waitForTimeout(Math.max(0, due.at.getTime() - Date.now() + 1500));
  await page.reload();
  await expect(page.getByText(/The due date has passed: what you hand in now is marked late/)).toBeVisible();
  await page.getByLabel("Your answer (Markdown)").fill("g = 9.79 m/s², from ten swings of a 1 m pendulum.");
  await page.getByLabel("Files", { exact: true }).setInputFiles({ name: "pendulum.pdf", mimeType: "application/pdf", buffer: pdfBytes });
  await expect(page.getByRole("list", { name: "Files to hand in" })).toContainText("pendulum.pdf");
  await page.getByRole("button", { name: "Hand in" }).click();
  const receipt = page.getByRole("status").filter({ hasText: "Received: version 1" });
  await expect(receipt).toContainText("1 day late");
  await expect(receipt).toContainText("pendulum.pdf");
  await expect(page.getByRole("heading", { name: "What you handed in" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The teacher finds it in the grading queue, opens it, and releases 8 points: 7.2 after the penalty.
  await signInAs("teacher");
  await page.goto("/teacher/grading");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Grading");
  await page.getByLabel("Student").fill(studentName);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("1 hand-in.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: studentName }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${assignmentTitle}: ${studentName}`);
  const file = await page.request.get((await page.getByRole("link", { name: "pendulum.pdf" }).getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(await file.body()).toEqual(pdfBytes);
  await page.getByLabel("Points (0 to 10)").fill("11");
  await page.getByRole("button", { name: "Release grade" }).click();
  await expect(page.getByText("Enter at most 10 points.")).toBeVisible();
  await page.getByLabel("Points (0 to 10)").fill("8");
  await expect(page.getByText("Late: 10% is taken off. The student gets 7.2 points.")).toBeVisible();
  await page.getByLabel("Feedback (Markdown)").fill("Clear method. **Check your units.**");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Release grade" }).click();
  await expect(page.getByText("Released to the student: 7.2 / 10 points.")).toBeVisible();

  // The gradebook shows the released points with the late mark, and downloads as CSV.
  await page.goto(`/teacher/courses/${courseId}/gradebook`);
  const book = page.getByRole("region", { name: "Gradebook" });
  const studentRow = book.getByRole("row").filter({ hasText: studentName });
  await expect(studentRow).toContainText("7.2");
  await expect(studentRow).toContainText("late");
  await expectNoSeriousA11yViolations(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(csv).toContain(`Lab report ${tag} (/10)`);
  expect(csv).toMatch(new RegExp(`${escape(studentName)},${escape(studentEmail)},active,7.2,7.2,10,72,1`));

  // The student, back in its browser, sees the grade and the feedback.
  await useSession(page, studentSession);
  await page.goto("/grades");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My grades");
  const grade = page.getByRole("listitem").filter({ hasText: assignmentTitle });
  await expect(grade).toContainText("7.2");
  await expect(grade).toContainText("/ 10");
  await expect(grade).toContainText("handed in late, 10% taken off");
  await expect(grade.getByText("Check your units.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
