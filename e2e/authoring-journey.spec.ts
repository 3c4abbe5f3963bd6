import type { Locator, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, signOut, test } from "./support/fixtures";
import { afterFrames } from "./support/frames";
import { registerStudent, uniqueId } from "./support/register";

// A small PDF and MP4 made here: their first bytes are what the server checks.
const pdfBytes = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);
const mp4Bytes = Buffer.concat([
  Buffer.from([0, 0, 0, 0x20]),
  Buffer.from("ftypisom"),
  Buffer.from([0, 0, 2, 0]),
  Buffer.from("isomiso2avc1mp41"),
  Buffer.from([0, 0, 0, 8]),
  Buffer.from("free"),
]);

const moduleCard = (page: Page, title: string) =>
  page.getByRole("region", { name: new RegExp(`^Module \\d+: ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });

async function addModule(page: Page, title: string) {
  const form = page.getByRole("region", { name: "Add a module" });
  await form.getByLabel("New module title").fill(title);
  await form.getByRole("button", { name: "Add module" }).click();
  await expect(moduleCard(page, title)).toBeVisible();
}

async function startLesson(card: Locator, moduleTitle: string, title: string, kind: string) {
  await card.getByRole("button", { name: `Add a lesson to ${moduleTitle}` }).click();
  await card.getByLabel("Lesson title").fill(title);
  await card.getByLabel("Kind of lesson").selectOption(kind);
}

async function saveLesson(card: Locator, title: string) {
  await card.getByRole("button", { name: "Add lesson" }).click();
  await expect(card.getByRole("button", { name: `Drag ${title}` })).toBeVisible();
}

test("a teacher builds and publishes a course with every kind of lesson; a student takes it", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(240_000);
  const tag = uniqueId(testInfo.project.name);
  const title = `Optics ${tag}`;
  const basics = `Light basics ${tag}`;
  const media = `Media ${tag}`;

  // The teacher creates the course.
  await signInAs("teacher");
  await page.getByRole("link", { name: "New course" }).click();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Subject", { exact: true }).fill("Physics");
  await page.getByLabel("Description", { exact: true }).fill(`How **light** travels. (${tag})`);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit course");
  await page.getByRole("link", { name: "Edit modules and lessons" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modules and lessons");

  // Two modules and a lesson of each kind, with a PDF and an MP4 uploaded.
  await addModule(page, basics);
  await addModule(page, media);
  const first = moduleCard(page, basics);
  await startLesson(first, basics, "Reflection", "text");
  await first.getByLabel("Lesson text (Markdown)", { exact: true }).fill("The angle of **incidence** equals the angle of reflection.");
  await saveLesson(first, "Reflection");
  await startLesson(first, basics, "Snell's law", "url");
  await first.getByLabel("Web address").fill("https://en.wikipedia.org/wiki/Snell%27s_law");
  await saveLesson(first, "Snell's law");

  const second = moduleCard(page, media);
  await startLesson(second, media, "Ray diagram sheet", "file");
  await second.getByLabel("Document for students to download").setInputFiles({ name: "rays.pdf", mimeType: "application/pdf", buffer: pdfBytes });
  await expect(second.getByText("Current file: rays.pdf", { exact: false })).toBeVisible();
  await saveLesson(second, "Ray diagram sheet");
  await startLesson(second, media, "Lenses in action", "video");
  await second.getByLabel("Or upload a video file (MP4 or WebM)").setInputFiles({ name: "lens.mp4", mimeType: "video/mp4", buffer: mp4Bytes });
  await expect(second.getByText("Current file: lens.mp4", { exact: false })).toBeVisible();
  await saveLesson(second, "Lenses in action");

  // Reorder: keyboard, then Move up.
  await first.getByRole("button", { name: "Drag Snell's law" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: /Snell's law/ })).toBeAttached();
  await afterFrames(page);
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("status").filter({ hasText: "Snell's law is over position 1 of 2." })).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: "Snell's law dropped at position 1 of 2." })).toBeAttached();
  await second.getByRole("button", { name: "Move Lenses in action up" }).click();
  await expect(second.getByRole("button", { name: "Move Lenses in action up" })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);

  // Publish.
  await page.getByRole("link", { name: "Course settings" }).click();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published.", { exact: true })).toBeVisible();

  // A student finds it in the catalogue, registers, enrols and opens the document and the video.
  await signOut(page);
  const student = page;
  await student.goto("/courses");
  await student.getByLabel("Search courses").fill(tag);
  await student.getByRole("button", { name: "Search", exact: true }).click();
  await student.getByRole("link", { name: title }).click();
  await expect(student).toHaveURL(/\/courses\/optics-/);
  const coursePage = student.url();
  await student.getByRole("link", { name: "Create an account" }).click();
  await registerStudent(student, uniqueId(`${testInfo.project.name}s`));
  await expect(student).toHaveURL(coursePage);
  await student.getByRole("button", { name: "Enrol in this course" }).click();
  await expect(student.getByText("0 of 4 done · 0%")).toBeVisible();

  await student.getByRole("link", { name: "Ray diagram sheet" }).click();
  const download = student.getByRole("link", { name: /Download rays\.pdf/ });
  const pdf = await student.request.get((await download.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(await pdf.body()).toEqual(pdfBytes);

  await student.goto(coursePage);
  await student.getByRole("link", { name: "Lenses in action" }).click();
  await expect(student.getByRole("heading", { level: 1 })).toHaveText("Lenses in action");
  const source = student.locator("video source");
  await expect(source).toHaveAttribute("type", "video/mp4");
  const video = await student.request.get((await source.getAttribute("src"))!, { headers: { range: "bytes=0-15" } });
  expect(video.status()).toBe(206);
  expect(video.headers()["content-type"]).toBe("video/mp4");
  expect(await video.body()).toEqual(mp4Bytes.subarray(0, 16));
});
