import { expectNoSeriousA11yViolations } from "./support/axe";
import { addTextLesson, createCourseWithModule, enrolNewStudent, publishCourse } from "./support/course";
import { expect, test } from "./support/fixtures";
import { uniqueId } from "./support/register";

// Issue 25's certificate journey: a teacher turns certificates on, a new
// student completes the course and gets one (issued by the worker), downloads
// the PDF and opens the public verification page; the teacher revokes it and
// the page says so; an admin makes and edits a template.
test("a student earns a certificate, downloads it and verifies it; the teacher revokes it; an admin edits a template", async ({ page, signInAs, pageAs }, testInfo) => {
  test.setTimeout(120_000);
  const tag = uniqueId(testInfo.project.name);
  const courseTitle = `Waves ${tag}`;
  const moduleTitle = `Sound ${tag}`;
  const studentName = `Zoë Ωmega ${tag}`;

  // The teacher publishes a one-lesson course and turns its certificates on.
  await signInAs("teacher");
  await createCourseWithModule(page, { title: courseTitle, subject: "Physics", description: "Sound and light.", moduleTitle });
  await addTextLesson(page, moduleTitle, "Pitch", "Frequency decides pitch.");
  const courseId = await publishCourse(page);
  await page.goto(`/teacher/courses/${courseId}`);
  await page.getByRole("link", { name: "Certificates", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Certificates: ${courseTitle}`);
  await page.getByLabel("Minimum course grade (%)").fill("120");
  await page.getByRole("button", { name: "Turn certificates on" }).click();
  await expect(page.getByText("Enter a minimum course grade from 0 to 100")).toBeVisible();
  await page.getByLabel("Minimum course grade (%)").fill("");
  await page.getByRole("button", { name: "Turn certificates on" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Certificates are on for this course." })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A new student enrols, reads what it takes, and completes the course.
  await enrolNewStudent(page, { courseTitle, search: tag, id: uniqueId(`${testInfo.project.name}c`), name: studentName });
  await page.getByRole("link", { name: "Start learning" }).click();
  await expect(page.getByText("This course gives a certificate. To earn it: Complete every item.")).toBeVisible();
  await page.getByRole("button", { name: "Mark complete" }).click();
  await expect(page.getByText("You have completed the whole course. Well done!")).toBeVisible();

  // The worker issues it a moment later: it is listed under My certificates.
  await expect(async () => {
    await page.goto("/certificates");
    await expect(page.getByRole("heading", { level: 2, name: courseTitle })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(page);
  const download = page.getByRole("link", { name: `Download PDF for ${courseTitle}` });
  const pdf = await page.request.get((await download.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment; filename="certificate-[0-9A-Z]{16}\.pdf"$/);
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The public verification page, signed out: valid, with the name as written.
  await page.getByRole("link", { name: `Verification page for ${courseTitle}` }).click();
  await expect(page).toHaveURL(/\/certificates\/[0-9A-Z]{16}$/);
  const verificationUrl = page.url();
  await page.context().clearCookies();
  await page.goto(verificationUrl);
  await expect(page.getByRole("heading", { level: 2, name: /^VALID/ })).toBeVisible();
  await expect(page.getByText(studentName, { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The teacher revokes it with a reason; the page then says revoked.
  const teacher = await pageAs("teacher");
  await teacher.goto(`/teacher/courses/${courseId}/certificates`);
  await teacher.getByRole("button", { name: `Revoke the certificate of ${studentName}` }).click();
  await teacher.getByLabel("Reason (optional, shown publicly)").fill("Issued in error");
  await teacher.getByRole("button", { name: `Confirm revoke for ${studentName}` }).click();
  await expect(teacher.getByRole("row", { name: new RegExp(studentName) }).getByText("Revoked", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: /^REVOKED/ })).toBeVisible();
  await expect(page.getByText("Reason: Issued in error")).toBeVisible();

  // An unknown code is not found.
  const missing = await page.goto("/certificates/0000-0000-0000-0000");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No certificate has this code" })).toBeVisible();

  // An admin makes a template (an unknown placeholder is refused) and edits it.
  const admin = await pageAs("admin");
  await admin.goto("/admin/certificates/templates/new");
  await admin.getByLabel("Name", { exact: true }).fill(`Term ${tag}`);
  await admin.getByLabel("Wording", { exact: true }).fill("{student} completed {course} in {room}.");
  await admin.getByRole("button", { name: "Create template" }).click();
  await expect(admin.getByText("Unknown placeholder {room}")).toBeVisible();
  await admin.getByLabel("Wording", { exact: true }).fill("{student} completed {course} on {date}.");
  await admin.getByRole("button", { name: "Create template" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Template created." })).toBeVisible();
  await admin.getByLabel("Signature title").fill("Head of Science");
  await admin.getByRole("button", { name: "Save template" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  const preview = await admin.request.get((await admin.getByRole("link", { name: "Preview the PDF" }).getAttribute("href"))!);
  expect(preview.headers()["content-type"]).toBe("application/pdf");
});
