// Learning through /api/v1 beyond the permission matrix: lesson content
// (sanitised HTML, files, videos), completing twice, a course's tasks, task
// progress and the subject summary. Runs on PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { enrollments, learningTasks, lessons, storedFiles, taskProgress, users } from "@/db/schema";
import { createApiToken } from "@/lib/api/tokens";
import { loadSubjectSummary } from "@/lib/progress/queries";
import { callApi, type ApiCall } from "./api/call-api";
import { testDb } from "./helpers";
import { completionsOf, createActor, createCourse, insertEnrollment } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

async function userWithToken(role: "student" | "teacher" | "admin") {
  const actor = await createActor(role);
  const { token } = await testDb().transaction((tx) => createApiToken(tx, actor, { name: "test", lifetime: "30" }));
  return { ...actor, token };
}

type User = Awaited<ReturnType<typeof userWithToken>>;
let teacher: User;
let admin: User;

beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_IP = "1000000";
  process.env.API_RATE_LIMIT_PER_TOKEN = "1000000";
  teacher = await userWithToken("teacher");
  admin = await userWithToken("admin");
});

const as = (user: { token: string }, call: ApiCall) => callApi({ ...call, token: user.token });
const complete = (user: User, lessonId: string) => as(user, { method: "POST", path: `/api/v1/lessons/${lessonId}/completion` });

async function studentIn(courseId: string) {
  const student = await userWithToken("student");
  await insertEnrollment(student.id, courseId);
  return student;
}

describe("GET /api/v1/lessons/{lessonId}", () => {
  it("renders the Markdown to sanitised HTML and keeps the source", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const body = "# Forces\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3)) and **bold**";
    await testDb().update(lessons).set({ body }).where(eq(lessons.id, course.lessonIds[0]!));
    const student = await studentIn(course.id);

    const answer = await as(student, { path: `/api/v1/lessons/${course.lessonIds[0]}` });
    expect(answer.status).toBe(200);
    expect(answer.body.body).toBe(body);
    expect(answer.body.bodyHtml).toContain("<h1>Forces</h1>");
    expect(answer.body.bodyHtml).toContain("<strong>bold</strong>");
    expect(answer.body.bodyHtml).not.toMatch(/<script|onerror|href="javascript:/i);
    expect(answer.body.bodyHtml).toContain("click");
    expect(answer.body).toMatchObject({ contentType: "text", file: null, completed: false, completedAt: null, module: { title: "Module 1" } });
  });

  it("gives a file lesson's download address, and a video lesson's allow-listed player", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 3 });
    const [file] = await testDb()
      .insert(storedFiles)
      .values({ storageKey: `${randomUUID()}.pdf`, originalName: "notes.pdf", mimeType: "application/pdf", sizeBytes: 1234, sha256: "0".repeat(64), courseId: course.id })
      .returning({ id: storedFiles.id });
    const [fileLesson, videoLesson, linkLesson] = course.lessonIds as [string, string, string];
    await testDb().update(lessons).set({ contentType: "file", fileId: file!.id }).where(eq(lessons.id, fileLesson));
    await testDb().update(lessons).set({ contentType: "video", externalUrl: "https://youtu.be/dQw4w9WgXcQ", durationMinutes: 4 }).where(eq(lessons.id, videoLesson));
    await testDb().update(lessons).set({ contentType: "url", externalUrl: "javascript:alert(1)" }).where(eq(lessons.id, linkLesson));
    const student = await studentIn(course.id);

    const fileAnswer = await as(student, { path: `/api/v1/lessons/${fileLesson}` });
    expect(fileAnswer.body.file).toEqual({ name: "notes.pdf", mimeType: "application/pdf", sizeBytes: 1234, downloadUrl: `/api/files/lessons/${fileLesson}` });
    const video = await as(student, { path: `/api/v1/lessons/${videoLesson}` });
    expect(video.body).toMatchObject({
      externalUrl: "https://youtu.be/dQw4w9WgXcQ",
      videoEmbedUrl: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
      durationMinutes: 4,
    });
    const link = await as(student, { path: `/api/v1/lessons/${linkLesson}` });
    expect(link.body).toMatchObject({ externalUrl: null, videoEmbedUrl: null });
  });

  it("is not found for a student who dropped the course, and for a malformed id", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const student = await studentIn(course.id);
    await testDb().update(enrollments).set({ status: "dropped" }).where(eq(enrollments.userId, student.id));
    expect((await as(student, { path: `/api/v1/lessons/${course.lessonIds[0]}` })).status).toBe(404);
    expect((await complete(student, course.lessonIds[0]!)).status).toBe(404);
    expect((await as(student, { path: "/api/v1/lessons/not-a-lesson" })).status).toBe(404);
  });
});

describe("POST /api/v1/lessons/{lessonId}/completion", () => {
  it("completing twice changes nothing, and the last lesson completes the enrolment", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    const student = await studentIn(course.id);
    const [first, last] = course.lessonIds as [string, string];

    const once = await complete(student, first);
    const twice = await complete(student, first);
    expect(once.body).toMatchObject({ newlyCompleted: true, courseId: course.id, progress: { percent: 50, completed: 1, required: 2 } });
    expect(twice.body).toMatchObject({ newlyCompleted: false, progress: { percent: 50, completed: 1, required: 2 }, enrollmentStatus: "active" });
    expect(await completionsOf(student.id, course.lessonIds)).toHaveLength(1);

    const done = await complete(student, last);
    expect(done.body).toMatchObject({ newlyCompleted: true, progress: { percent: 100 }, enrollmentStatus: "completed" });
    const lesson = await as(student, { path: `/api/v1/lessons/${last}` });
    expect(lesson.body.completed).toBe(true);
    expect(lesson.body.completedAt).toEqual(expect.any(String));
  });
});

describe("GET /api/v1/lesson-completions", () => {
  it("lists the caller's completions, filtered by course and paged", async () => {
    const [one, two] = [await createCourse(teacher.id, { modules: 1, lessonsPerModule: 3 }), await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 })];
    const student = await studentIn(one.id);
    await insertEnrollment(student.id, two.id);
    for (const lessonId of [...one.lessonIds, ...two.lessonIds]) expect((await complete(student, lessonId)).status).toBe(200);

    const all = await as(student, { path: "/api/v1/lesson-completions" });
    expect(all.body.data).toHaveLength(4);
    const seen: string[] = [];
    let path: string | null = `/api/v1/lesson-completions?courseId=${one.id}&limit=2`;
    while (path) {
      const page = await as(student, { path });
      for (const row of page.body.data) expect(row.courseId).toBe(one.id);
      seen.push(...page.body.data.map((row: { lessonId: string }) => row.lessonId));
      path = page.body.next;
    }
    expect(seen.sort()).toEqual([...one.lessonIds].sort());
  });
});

describe("GET /api/v1/courses/{courseId}/tasks", () => {
  it("shows students the published tasks, and the teacher every task with its status", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const dueAt = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    await testDb()
      .insert(learningTasks)
      .values([
        { courseId: course.id, type: "project", title: "Bridge", status: "published", maxPoints: 20, dueAt, position: 2, moduleId: course.moduleIds[0] },
        { courseId: course.id, type: "assignment", title: "Draft essay", status: "draft", position: 1 },
      ]);
    const student = await studentIn(course.id);

    const theirs = await as(student, { path: `/api/v1/courses/${course.id}/tasks` });
    expect(theirs.body.data).toEqual([
      expect.objectContaining({ title: "Bridge", type: "project", status: "published", maxPoints: 20, dueAt: dueAt.toISOString(), moduleId: course.moduleIds[0], position: 2 }),
    ]);
    const authors = await as(teacher, { path: `/api/v1/courses/${course.id}/tasks` });
    expect(authors.body.data.map((task: { title: string; status: string }) => [task.title, task.status])).toEqual([
      ["Draft essay", "draft"],
      ["Bridge", "published"],
    ]);
    const projects = await as(teacher, { path: `/api/v1/courses/${course.id}/tasks?type=project` });
    expect(projects.body.data.map((task: { title: string }) => task.title)).toEqual(["Bridge"]);
  });
});

describe("GET /api/v1/task-progress", () => {
  it("needs the course when naming a student, and reads only students of the teacher's course", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const [task] = await testDb()
      .insert(learningTasks)
      .values({ courseId: course.id, type: "project", title: "Bridge", status: "published", maxPoints: 20 })
      .returning({ id: learningTasks.id });
    const student = await studentIn(course.id);
    const outsider = await userWithToken("student");
    await testDb().insert(taskProgress).values({ userId: student.id, taskId: task!.id, status: "graded", pointsEarned: 17.5, startedAt: new Date(), completedAt: new Date() });

    const withoutCourse = await as(teacher, { path: `/api/v1/task-progress?studentId=${student.id}` });
    expect(withoutCourse.status).toBe(422);
    expect(withoutCourse.body.errors.courseId).toEqual(["Name the course whose progress you read with courseId."]);

    const read = await as(teacher, { path: `/api/v1/task-progress?studentId=${student.id}&courseId=${course.id}` });
    expect(read.body.data).toEqual([expect.objectContaining({ taskId: task!.id, courseId: course.id, studentId: student.id, status: "graded", pointsEarned: 17.5 })]);
    // A student who is not in the course reads as not found, even to its teacher.
    expect((await as(teacher, { path: `/api/v1/task-progress?studentId=${outsider.id}&courseId=${course.id}` })).status).toBe(404);
    // Naming oneself is the same as naming nobody.
    const own = await as(student, { path: `/api/v1/task-progress?studentId=${student.id}&courseId=${course.id}` });
    expect(own.body.data).toEqual(read.body.data);
  });

  it("hides a student's own rows of a task back in draft", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const [task] = await testDb()
      .insert(learningTasks)
      .values({ courseId: course.id, type: "project", title: "Withdrawn", status: "draft" })
      .returning({ id: learningTasks.id });
    const student = await studentIn(course.id);
    await testDb().insert(taskProgress).values({ userId: student.id, taskId: task!.id, status: "in_progress" });
    expect((await as(student, { path: "/api/v1/task-progress" })).body.data).toEqual([]);
    expect((await as(teacher, { path: `/api/v1/task-progress?studentId=${student.id}&courseId=${course.id}` })).body.data).toHaveLength(1);
  });
});

describe("GET /api/v1/progress/summary", () => {
  it("is the student's per-subject summary, as /api/progress/me gives it; an admin reads it by id", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    const student = await studentIn(course.id);
    await testDb().update(users).set({ gradeLevel: 12 }).where(eq(users.id, student.id));
    await complete(student, course.lessonIds[0]!);

    const own = await as(student, { path: "/api/v1/progress/summary" });
    expect(own.status).toBe(200);
    expect(own.body).toEqual(await loadSubjectSummary(testDb(), { ...student, gradeLevel: 12 }));
    expect(own.body).toMatchObject({ class: 12, subject_progress: { physics: { completed_lessons: [{ id: course.lessonIds[0] }], completed_quizzes: [] } } });

    const byAdmin = await as(admin, { path: `/api/v1/progress/summary?studentId=${student.id}` });
    expect(byAdmin.body).toEqual(own.body);
    // Only students have a summary: a teacher's id names none.
    expect((await as(admin, { path: `/api/v1/progress/summary?studentId=${teacher.id}` })).status).toBe(404);
  });
});
