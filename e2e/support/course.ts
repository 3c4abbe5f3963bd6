import { expect, type Page } from "@playwright/test";
import { sessionOf } from "./fixtures";
import { registerStudent } from "./register";

// Steps several journeys share: a teacher sets up a course of its own (so the
// desktop and mobile runs never see each other's changes in the shared
// database), publishes it, and a new student finds it and enrols.

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export const moduleCard = (page: Page, title: string) =>
  page.getByRole("region", { name: new RegExp(`^Module \\d+: ${escapeRegExp(title)}$`) });

/** From the teacher's dashboard: a new draft course with one module, ending in its structure editor. */
export async function createCourseWithModule(page: Page, course: { title: string; subject: string; description: string; moduleTitle: string }) {
  await page.getByRole("link", { name: "New course" }).click();
  await page.getByLabel("Title", { exact: true }).fill(course.title);
  await page.getByLabel("Subject", { exact: true }).fill(course.subject);
  await page.getByLabel("Description", { exact: true }).fill(course.description);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit course");
  await page.getByRole("link", { name: "Edit modules and lessons" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modules and lessons");
  const form = page.getByRole("region", { name: "Add a module" });
  await form.getByLabel("New module title").fill(course.moduleTitle);
  await form.getByRole("button", { name: "Add module" }).click();
  await expect(moduleCard(page, course.moduleTitle)).toBeVisible();
}

/** A text lesson in the module (a course needs one before it can be published). */
export async function addTextLesson(page: Page, moduleTitle: string, title: string, body: string) {
  const card = moduleCard(page, moduleTitle);
  await card.getByRole("button", { name: `Add a lesson to ${moduleTitle}` }).click();
  await card.getByLabel("Lesson title").fill(title);
  await card.getByLabel("Kind of lesson").selectOption("text");
  await card.getByLabel("Lesson text (Markdown)", { exact: true }).fill(body);
  await card.getByRole("button", { name: "Add lesson" }).click();
  await expect(card.getByRole("button", { name: `Drag ${title}` })).toBeVisible();
}

/** From the structure editor: publishes the course; returns its id. */
export async function publishCourse(page: Page): Promise<string> {
  await page.getByRole("link", { name: "Course settings" }).click();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published.", { exact: true })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[3]!;
}

/**
 * Leaves the teacher's session (its cookies go, the session stays open for
 * signInAs to reuse); a new student, a guest in the same browser, finds the
 * course in the catalogue, registers from its page and enrols. Returns the
 * course page's address, the student's email (its password is
 * registerStudent's) and its session, for useSession.
 */
export async function enrolNewStudent(page: Page, { courseTitle, search, id, name }: { courseTitle: string; search: string; id: string; name?: string }) {
  await page.context().clearCookies();
  await page.goto("/courses");
  await page.getByLabel("Search courses").fill(search);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("link", { name: courseTitle }).click();
  await expect(page).toHaveURL(/\/courses\/[a-z0-9-]+$/);
  const coursePage = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Create an account" }).click();
  const email = await registerStudent(page, id, name);
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(coursePage)}$`));
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await expect(page.getByRole("button", { name: "Enrol in this course" })).toHaveCount(0);
  return { coursePage, email, session: await sessionOf(page) };
}
