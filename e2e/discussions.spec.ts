import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { addTextLesson, createCourseWithModule, enrolNewStudent, publishCourse } from "./support/course";
import { expect, test } from "./support/fixtures";
import { uniqueId } from "./support/register";

const badge = (page: Page, unread: number) =>
  page.getByRole("link", { name: unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread", exact: true });

// The discussion half of issue 7's journey (the announcement half is in
// announcements.spec.ts): the teacher's reply reaches the student's page live.
test("a student starts a thread about a lesson; the teacher's reply reaches it live; the teacher pins and locks it; the student edits and deletes its post", async ({
  page,
  signInAs,
  pageAs,
}, testInfo) => {
  test.setTimeout(240_000);
  const tag = uniqueId(testInfo.project.name);
  const courseTitle = `Waves ${tag}`;
  const moduleTitle = `Sound ${tag}`;
  const lessonTitle = `Echoes ${tag}`;
  const threadTitle = `Why do echoes fade? ${tag}`;

  // The teacher sets up a published course with one lesson; a new student enrols.
  await signInAs("teacher");
  await createCourseWithModule(page, { title: courseTitle, subject: "Physics", description: "Sound and light.", moduleTitle });
  await addTextLesson(page, moduleTitle, lessonTitle, "Sound reflects off walls.");
  const courseId = await publishCourse(page);
  await enrolNewStudent(page, { courseTitle, search: tag, id: uniqueId(`${testInfo.project.name}d`), name: `Listener ${tag}` });

  // The student opens the lesson and, with no thread about it yet, lands on the new-thread form with the lesson chosen.
  await page.getByRole("link", { name: lessonTitle }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lessonTitle);
  await page.getByRole("link", { name: "Discuss this lesson" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New thread");
  await expect(page.getByLabel("Lesson (optional)")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByLabel("Lesson (optional)").locator("option:checked")).toContainText(lessonTitle);
  await expectNoSeriousA11yViolations(page);

  // An empty title is refused next to its field.
  await page.getByLabel("Message").fill("The echo in the gym is **much** quieter than my shout.");
  await page.getByRole("button", { name: "Start thread" }).click();
  await expect(page.getByText("Give the thread a title.")).toBeVisible();
  await page.getByLabel("Title").fill(threadTitle);
  await page.getByRole("button", { name: "Start thread" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(threadTitle);
  await expect(page.getByText(`About the lesson ${lessonTitle}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Unfollow" })).toBeVisible();
  const threadPath = new URL(page.url()).pathname;

  // The student rewrites its opening post in place.
  const posts = page.getByRole("list", { name: "Posts" });
  await posts.getByRole("button", { name: "Edit post" }).click();
  await page.getByLabel("Edit your post").fill("The echo in the gym is quieter than my shout. Where does the energy go?");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(posts.getByText("Where does the energy go?")).toBeVisible();
  await expect(posts.getByText("edited")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await expect(badge(page, 0)).toBeVisible();

  // The teacher, in its own browser, finds the thread from its course page and replies.
  const teacher = await pageAs("teacher");
  await teacher.goto(`/teacher/courses/${courseId}`);
  await teacher.getByRole("link", { name: "Discussions" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText("Discussions");
  await teacher.getByRole("link", { name: threadTitle }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText(threadTitle);
  await teacher.getByLabel("Your reply").fill("Walls absorb part of it at each bounce, and it spreads out.");
  await teacher.getByRole("button", { name: "Post reply" }).click();
  const teacherPosts = teacher.getByRole("list", { name: "Posts" });
  await expect(teacherPosts.getByText("Walls absorb part of it")).toBeVisible();

  // The student, who follows its own thread, is told without a reload and follows the link to the reply.
  await expect(badge(page, 1)).toBeVisible({ timeout: 30_000 });
  await badge(page, 1).click();
  await page.getByRole("list", { name: "Notifications" }).getByRole("button", { name: `New reply: ${threadTitle}`, exact: true }).click();
  await expect(page).toHaveURL(/\/discussions\/[0-9a-f-]{36}(\?[^#]*)?#post-[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(threadTitle);

  // The teacher pins and locks the thread.
  await teacher.getByRole("button", { name: "Pin", exact: true }).click();
  await expect(teacher.getByRole("button", { name: "Unpin" })).toBeVisible();
  await teacher.getByRole("button", { name: "Lock", exact: true }).click();
  await expect(teacher.getByRole("button", { name: "Unlock" })).toBeVisible();

  // The student sees the teacher's reply, marked as the teacher's, the badges, and no reply form.
  await page.reload();
  const reply = posts.getByRole("listitem").filter({ hasText: "Walls absorb part of it" });
  await expect(reply).toContainText("Teacher");
  await expect(page.getByText("Pinned", { exact: true })).toBeVisible();
  await expect(page.getByText("Locked", { exact: true })).toBeVisible();
  await expect(page.getByText("This thread is locked: it takes no new replies.")).toBeVisible();
  await expect(page.getByLabel("Your reply")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Pin", exact: true })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The student deletes its own post after confirming: it reads "post removed"; the teacher's stays.
  await posts.getByRole("button", { name: "Delete post" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(posts.getByText("post removed")).toBeVisible();
  await expect(posts.getByText("Where does the energy go?")).toHaveCount(0);
  await expect(posts.getByText("Walls absorb part of it")).toBeVisible();

  // The list shows the thread with its badges; filtered by the lesson, it names the lesson and links to all threads.
  await page.getByRole("link", { name: /Discussions of/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Discussions");
  const item = page.getByRole("list", { name: "Threads" }).getByRole("listitem").filter({ hasText: threadTitle });
  await expect(item).toContainText("Pinned");
  await expect(item).toContainText("Locked");
  await expect(item).toContainText("2 posts");
  await expectNoSeriousA11yViolations(page);

  // Back on the lesson, "Discuss this lesson" now lists its threads, naming the lesson, with a link to all threads.
  await item.getByRole("link", { name: threadTitle }).click();
  await page.getByRole("link", { name: lessonTitle }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lessonTitle);
  await page.getByRole("link", { name: "Discuss this lesson" }).click();
  await expect(page.getByText(`Threads about the lesson ${lessonTitle}`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Threads" })).toContainText(threadTitle);
  await page.getByRole("link", { name: "All threads" }).click();
  await expect(page).toHaveURL(/\/discussions$/);

  // Another course's teacher is not a member: the thread and the list are not found.
  const stranger = await pageAs("teacher2");
  for (const path of [threadPath, threadPath.replace(/\/[^/]+$/, "")]) {
    const response = await stranger.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(stranger.getByText(threadTitle)).toHaveCount(0);
  }
});
