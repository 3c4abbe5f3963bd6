// Release conditions on every road a student takes to an item (player page,
// complete action, REST API, lesson file, quiz start, assignment hand-in and
// upload), the locked items the API lists, progress scope "released" against
// "all", the worker's refresh of time-moved progress, and the teacher's
// preview as a student. Rules are written straight into the release_rule
// columns. Runs on PGlite and PostgreSQL.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getLessonFile } from "@/app/api/files/lessons/[lessonId]/route";
import { assignments, courses, enrollments, learningTasks, lessonCompletions, lessons, modules, quizAttempts, storedFiles, submissions, taskProgress } from "@/db/schema";
import type { ProgressScope } from "@/db/schema/enums";
import { createApiToken } from "@/lib/api/tokens";
import { uploadSubmissionFile } from "@/lib/assignments/upload-submission-file";
import { loadStudentAssignment } from "@/lib/assignments/student-queries";
import { listMyEnrollments } from "@/lib/enrollments/queries";
import { loadLessonFile } from "@/lib/learn/lesson-file";
import { loadPlayerCourse, loadPlayerLesson } from "@/lib/learn/player";
import { releaseRuleSchema, type ReleaseRule } from "@/lib/pacing/release-rule";
import { ItemLockedFailure, lockedOr } from "@/lib/pacing/require-released";
import { loadStudentPreview } from "@/lib/pacing/student-preview";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { loadQuizIntro } from "@/lib/quizzes/taking/student-queries";
import { coursesWithTimedProgress, progressRefreshJob, refreshReleasedProgress } from "@/lib/worker/progress-refresh-job";
import { callApi, type ApiCall } from "./api/call-api";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { createQuiz } from "./quiz-taking-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const day = 86_400_000;
const hour = 3_600_000;

async function userWithToken(role: "student" | "teacher" | "admin") {
  const actor = await createActor(role);
  const { token } = await testDb().transaction((tx) => createApiToken(tx, actor, { name: "test", lifetime: "30" }));
  return { ...actor, token };
}
type User = Awaited<ReturnType<typeof userWithToken>>;

let teacher: User;
let otherTeacher: User;
let admin: User;

beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_IP = "1000000";
  process.env.API_RATE_LIMIT_PER_TOKEN = "1000000";
  teacher = await userWithToken("teacher");
  otherTeacher = await userWithToken("teacher");
  admin = await userWithToken("admin");
});

const as = (user: { token: string }, call: ApiCall) => callApi({ ...call, token: user.token });

const rule = (value: unknown): ReleaseRule => releaseRuleSchema.parse(value);
const opensOn = (when: Date) => rule({ match: "all", conditions: [{ kind: "date", opensAt: when.toISOString() }] });
const setLessonRule = (lessonId: string, value: ReleaseRule | null) =>
  testDb().update(lessons).set({ releaseRule: value }).where(eq(lessons.id, lessonId));
const setModuleRule = (moduleId: string, value: ReleaseRule | null) =>
  testDb().update(modules).set({ releaseRule: value }).where(eq(modules.id, moduleId));
const setTaskRule = (taskId: string, value: ReleaseRule | null) =>
  testDb().update(learningTasks).set({ releaseRule: value }).where(eq(learningTasks.id, taskId));

async function studentIn(course: CourseFixture) {
  const student = await userWithToken("student");
  await insertEnrollment(student.id, course.id);
  return student;
}

async function lockOfLesson(user: User, course: CourseFixture, lessonId: string) {
  const data = await loadPlayerCourse(testDb(), user, course.slug);
  return (await lockedOr(loadPlayerLesson(testDb(), data!, lessonId))).lock;
}

describe("a lesson that opens on a date", () => {
  it("is refused on every road while locked, and served on each once the date has passed", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    const [first, second] = course.lessonIds as [string, string];
    const [file] = await testDb()
      .insert(storedFiles)
      .values({ storageKey: `pacing/${second}.pdf`, originalName: "notes.pdf", mimeType: "application/pdf", sizeBytes: 10, sha256: "0".repeat(64), courseId: course.id })
      .returning({ id: storedFiles.id });
    await testDb().update(lessons).set({ contentType: "file", fileId: file!.id, body: "SECRET-BODY" }).where(eq(lessons.id, second));
    const opensAt = new Date(Date.now() + 2 * day);
    await setLessonRule(second, opensOn(opensAt));
    const student = await studentIn(course);

    // The player: locked with the reason, its content never read.
    const lock = await lockOfLesson(student, course, second);
    expect(lock?.message).toMatch(/^This lesson is locked\. Opens on \w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC\.$/);
    expect(lock?.state.opensAt).toEqual(opensAt);
    expect(await lockOfLesson(student, course, first)).toBeNull();

    // The API: 403 `locked` with why and when, and nothing of the lesson.
    const read = await as(student, { path: `/api/v1/lessons/${second}` });
    expect(read.status).toBe(403);
    expect(read.body).toMatchObject({ type: "/developers/api#problem-locked", status: 403, opensAt: opensAt.toISOString() });
    expect(read.body.lockedReasons).toEqual([{ kind: "date", opensAt: opensAt.toISOString(), message: expect.stringMatching(/^Opens on /) }]);
    expect(JSON.stringify(read.body)).not.toContain("SECRET-BODY");

    // Completing it, through the API (the same function as the button's action).
    const completed = await as(student, { method: "POST", path: `/api/v1/lessons/${second}/completion` });
    expect(completed.status).toBe(403);
    expect(completed.body.type).toBe("/developers/api#problem-locked");
    expect(await testDb().select().from(lessonCompletions).where(eq(lessonCompletions.userId, student.id))).toEqual([]);

    // The file address.
    expect((await loadLessonFile(testDb(), student, second))?.locked).toBe(true);
    const download = await getLessonFile(
      new Request(`http://localhost/api/files/lessons/${second}`, { headers: { authorization: `Bearer ${student.token}` } }),
      { params: Promise.resolve({ lessonId: second }) },
    );
    expect(download.status).toBe(403);

    // The course's teacher and admins are never locked out.
    for (const staff of [teacher, admin]) {
      expect((await as(staff, { path: `/api/v1/lessons/${second}` })).status).toBe(200);
      expect((await loadLessonFile(testDb(), staff, second))?.locked).toBe(false);
      expect(await lockOfLesson(staff, course, second)).toBeNull();
    }
    // Another teacher still finds nothing: not locked, not found.
    expect((await as(otherTeacher, { path: `/api/v1/lessons/${second}` })).status).toBe(404);

    // Once the date is past, every road opens.
    await setLessonRule(second, opensOn(new Date(Date.now() - hour)));
    expect((await as(student, { path: `/api/v1/lessons/${second}` })).status).toBe(200);
    expect(await lockOfLesson(student, course, second)).toBeNull();
    expect((await loadLessonFile(testDb(), student, second))?.locked).toBe(false);
    const done = await as(student, { method: "POST", path: `/api/v1/lessons/${second}/completion` });
    expect(done.status).toBe(200);
    expect(done.body.newlyCompleted).toBe(true);
  });
});

describe("the other conditions", () => {
  it("opens N days after the student's enrolment, each student on its own date", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const lessonId = course.lessonIds[0]!;
    await setLessonRule(lessonId, rule({ match: "all", conditions: [{ kind: "enrolment_days", days: 7 }] }));
    const newcomer = await studentIn(course);
    const veteran = await studentIn(course);
    await testDb()
      .update(enrollments)
      .set({ enrolledAt: new Date(Date.now() - 8 * day) })
      .where(and(eq(enrollments.userId, veteran.id), eq(enrollments.courseId, course.id)));

    const locked = await as(newcomer, { path: `/api/v1/lessons/${lessonId}` });
    expect(locked.status).toBe(403);
    const [enrolment] = await testDb().select().from(enrollments).where(and(eq(enrollments.userId, newcomer.id), eq(enrollments.courseId, course.id)));
    expect(locked.body.opensAt).toBe(new Date(enrolment!.enrolledAt.getTime() + 7 * day).toISOString());
    expect(locked.body.lockedSummary[0]).toMatch(/^Opens 7 days after you enrolled \(on /);
    expect((await as(veteran, { path: `/api/v1/lessons/${lessonId}` })).status).toBe(200);
  });

  it("opens once another item is completed", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    const [first, second] = course.lessonIds as [string, string];
    await setLessonRule(second, rule({ match: "all", conditions: [{ kind: "completed", item: { kind: "lesson", id: first } }] }));
    const student = await studentIn(course);

    const locked = await as(student, { path: `/api/v1/lessons/${second}` });
    expect(locked.status).toBe(403);
    expect(locked.body.lockedSummary).toEqual(["Complete “Lesson 1.1” first"]);
    expect(locked.body.opensAt).toBeNull();
    expect((await as(student, { method: "POST", path: `/api/v1/lessons/${first}/completion` })).status).toBe(200);
    expect((await as(student, { path: `/api/v1/lessons/${second}` })).status).toBe(200);
  });

  it("opens a module (and every lesson in it) on a quiz score, from the threshold up", async () => {
    const course = await createCourse(teacher.id, { modules: 2, lessonsPerModule: 1 });
    const quiz = await createQuiz(course.id, course.moduleIds[0]!);
    await setModuleRule(course.moduleIds[1]!, rule({ match: "all", conditions: [{ kind: "score", taskId: quiz.taskId, minPercent: 50 }] }));
    const student = await studentIn(course);
    const later = course.lessonIds[1]!;
    const scored = async (points: number) => {
      await testDb()
        .insert(taskProgress)
        .values({ userId: student.id, taskId: quiz.taskId, status: "graded", pointsEarned: points })
        .onConflictDoUpdate({ target: [taskProgress.userId, taskProgress.taskId], set: { pointsEarned: points } });
    };

    const locked = await as(student, { path: `/api/v1/lessons/${later}` });
    expect(locked.status).toBe(403);
    expect(locked.body.lockedSummary).toEqual(["Score at least 50% in “Fixture quiz” first"]);
    await scored(2.99); // 49.83% of 6 points
    expect((await as(student, { path: `/api/v1/lessons/${later}` })).status).toBe(403);
    await scored(3); // exactly 50%
    expect((await as(student, { path: `/api/v1/lessons/${later}` })).status).toBe(200);
    expect(await lockOfLesson(student, course, later)).toBeNull();
  });
});

describe("a locked quiz", () => {
  it("cannot be read or started by the student until it opens; its teacher reads it", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const quiz = await createQuiz(course.id, course.moduleIds[0]!);
    await setTaskRule(quiz.taskId, opensOn(new Date(Date.now() + day)));
    const student = await studentIn(course);

    const read = await as(student, { path: `/api/v1/quizzes/${quiz.taskId}` });
    expect(read.status).toBe(403);
    expect(read.body.type).toBe("/developers/api#problem-locked");
    const start = await as(student, { method: "POST", path: `/api/v1/quizzes/${quiz.taskId}/attempts` });
    expect(start.status).toBe(403);
    expect(start.body.detail).toMatch(/^This quiz is locked\. Opens on /);
    expect(await testDb().select().from(quizAttempts).where(eq(quizAttempts.userId, student.id))).toEqual([]);
    await expect(loadQuizIntro(testDb(), student, { slug: course.slug, taskId: quiz.taskId })).rejects.toBeInstanceOf(ItemLockedFailure);
    expect((await as(teacher, { path: `/api/v1/quizzes/${quiz.taskId}` })).status).toBe(200);

    await setTaskRule(quiz.taskId, opensOn(new Date(Date.now() - day)));
    expect((await as(student, { method: "POST", path: `/api/v1/quizzes/${quiz.taskId}/attempts` })).status).toBe(201);
  });
});

describe("a locked assignment", () => {
  it("refuses the page, the hand-in and the upload until it opens", async () => {
    const course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
    const [task] = await testDb()
      .insert(learningTasks)
      .values({ courseId: course.id, moduleId: course.moduleIds[0], type: "assignment", title: "Lab report", status: "published", maxPoints: 10 })
      .returning();
    await testDb().insert(assignments).values({ taskId: task!.id, allowedFileTypes: ["pdf"], maxFiles: 1, textEntry: true });
    await setTaskRule(task!.id, rule({ match: "any", conditions: [{ kind: "date", opensAt: new Date(Date.now() + day).toISOString() }, { kind: "completed", item: { kind: "lesson", id: course.lessonIds[0]! } }] }));
    const student = await studentIn(course);

    await expect(loadStudentAssignment(testDb(), student, course.slug, task!.id)).rejects.toBeInstanceOf(ItemLockedFailure);
    const handIn = await as(student, { method: "POST", path: `/api/v1/assignments/${task!.id}/submissions`, body: { text: "my work", fileIds: [] } });
    expect(handIn.status).toBe(403);
    expect(handIn.body.lockedSummary).toEqual([expect.stringMatching(/^Opens on .+; or complete “Lesson 1\.1” first$/)]);
    const upload = await uploadSubmissionFile(testDb(), student, { taskId: task!.id, name: "a.pdf", body: null, declaredLength: 10 });
    expect(upload).toMatchObject({ ok: false, status: 403 });
    expect(await testDb().select().from(submissions).where(eq(submissions.userId, student.id))).toEqual([]);

    // Any one condition opens it: completing the lesson does.
    expect((await as(student, { method: "POST", path: `/api/v1/lessons/${course.lessonIds[0]}/completion` })).status).toBe(200);
    expect(await loadStudentAssignment(testDb(), student, course.slug, task!.id)).not.toBeNull();
    expect((await as(student, { method: "POST", path: `/api/v1/assignments/${task!.id}/submissions`, body: { text: "my work", fileIds: [] } })).status).toBe(201);
  });
});

describe("the API's outline", () => {
  it("lists locked modules, lessons and tasks as locked with why, and the same course open for its teacher", async () => {
    const course = await createCourse(teacher.id, { modules: 2, lessonsPerModule: 1 });
    const quiz = await createQuiz(course.id, course.moduleIds[1]!);
    const opensAt = new Date(Date.now() + 3 * day);
    await setModuleRule(course.moduleIds[1]!, opensOn(opensAt));
    const student = await studentIn(course);

    const page = await as(student, { path: `/api/v1/courses/${course.id}` });
    expect(page.status).toBe(200);
    const [open, locked] = page.body.modules;
    expect(open).toMatchObject({ locked: false, lockedReasons: [], opensAt: null });
    expect(open.lessons[0]).toMatchObject({ locked: false });
    expect(locked).toMatchObject({ locked: true, opensAt: opensAt.toISOString() });
    expect(locked.lessons[0]).toMatchObject({ locked: true, opensAt: opensAt.toISOString(), lockedReasons: [{ kind: "date" }] });
    expect(page.body.tasks).toEqual([expect.objectContaining({ id: quiz.taskId, locked: true, opensAt: opensAt.toISOString() })]);

    const tasks = await as(student, { path: `/api/v1/courses/${course.id}/tasks` });
    expect(tasks.status).toBe(200);
    expect(tasks.body.data).toEqual([expect.objectContaining({ id: quiz.taskId, locked: true, description: "", opensAt: opensAt.toISOString() })]);

    const teachers = await as(teacher, { path: `/api/v1/courses/${course.id}` });
    expect(teachers.body.modules[1]).toMatchObject({ locked: false });
    const teacherTasks = await as(teacher, { path: `/api/v1/courses/${course.id}/tasks` });
    expect(teacherTasks.body.data[0]).toMatchObject({ locked: false, description: "A quiz for tests" });
  });
});

describe("progress scope", () => {
  async function pacedCourse(scope: ProgressScope) {
    const course = await createCourse(teacher.id, { modules: 2, lessonsPerModule: 2 });
    await testDb().update(courses).set({ progressScope: scope }).where(eq(courses.id, course.id));
    await setModuleRule(course.moduleIds[1]!, opensOn(new Date(Date.now() + hour)));
    const student = await studentIn(course);
    return { course, student };
  }
  const stored = async (userId: string, courseId: string) =>
    (await testDb().select().from(enrollments).where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId))))[0]!;

  it("counts every item under 'all' (the default)", async () => {
    const { course, student } = await pacedCourse("all");
    await as(student, { method: "POST", path: `/api/v1/lessons/${course.lessonIds[0]}/completion` });
    expect(Number((await stored(student.id, course.id)).progressPercent)).toBe(25);
    const data = await loadPlayerCourse(testDb(), student, course.slug);
    expect(data!.progress).toEqual({ required: 4, completed: 1, percent: 25, isComplete: false });
  });

  it("counts only released items under 'released', agrees everywhere, and never completes the course early", async () => {
    const { course, student } = await pacedCourse("released");
    const first = await as(student, { method: "POST", path: `/api/v1/lessons/${course.lessonIds[0]}/completion` });
    expect(first.body.progress).toEqual({ percent: 50, completed: 1, required: 2 });
    expect(Number((await stored(student.id, course.id)).progressPercent)).toBe(50);
    const data = await loadPlayerCourse(testDb(), student, course.slug);
    expect(data!.progress).toEqual({ required: 2, completed: 1, percent: 50, isComplete: false });
    const [dashboard] = (await listMyEnrollments(testDb(), student)).filter((row) => row.courseId === course.id);
    expect(dashboard!.progress).toEqual(data!.progress);
    const api = await as(student, { path: `/api/v1/courses/${course.id}` });
    expect(api.body.progressPercent).toBe(50);

    const second = await as(student, { method: "POST", path: `/api/v1/lessons/${course.lessonIds[1]}/completion` });
    expect(second.body).toMatchObject({ progress: { percent: 100, completed: 2, required: 2 }, enrollmentStatus: "active" });
    const enrolment = await stored(student.id, course.id);
    expect(enrolment.status).toBe("active");
    expect(enrolment.completedAt).toBeNull();
    // Nothing open is left to do: no next item, and the course is not complete.
    const after = await loadPlayerCourse(testDb(), student, course.slug);
    expect(after!.next).toBeNull();
    expect(after!.progress.isComplete).toBe(false);
  });

  it("is refreshed by the worker when time alone releases more, bounded whatever the number of students", async () => {
    const { course, student } = await pacedCourse("released");
    const others = [await studentIn(course), await studentIn(course)];
    const allCourse = await pacedCourse("all");
    for (const lessonId of course.lessonIds.slice(0, 2)) await as(student, { method: "POST", path: `/api/v1/lessons/${lessonId}/completion` });
    expect(Number((await stored(student.id, course.id)).progressPercent)).toBe(100);

    const ids = await coursesWithTimedProgress(testDb());
    expect(ids).toContain(course.id);
    expect(ids).not.toContain(allCourse.course.id);

    // An hour later the second module opens: the same rows now make 50%.
    const later = new Date(Date.now() + 2 * hour);
    expect(await refreshReleasedProgress(testDb(), later)).toBeGreaterThanOrEqual(1);
    expect(Number((await stored(student.id, course.id)).progressPercent)).toBe(50);
    for (const other of others) expect(Number((await stored(other.id, course.id)).progressPercent)).toBe(0);
    expect((await stored(student.id, course.id)).status).toBe("active");
    // Idempotent: the job's run again changes nothing.
    await progressRefreshJob.run(testDb(), later);
    expect(Number((await stored(student.id, course.id)).progressPercent)).toBe(50);
    expect(Number((await stored(allCourse.student.id, allCourse.course.id)).progressPercent)).toBe(0);
  });

  it("recomputes one course's students in the same number of statements for one or many", async () => {
    const { course } = await pacedCourse("released");
    const few = await countQueries(() => testDb().transaction((tx) => recomputeProgress(tx, { courseId: course.id })));
    for (let i = 0; i < 5; i++) await studentIn(course);
    const many = await countQueries(() => testDb().transaction((tx) => recomputeProgress(tx, { courseId: course.id })));
    expect(many.result).toHaveLength(6);
    expect(many.count).toBe(few.count);
  });
});

describe("preview as a student", () => {
  it("shows its teacher and admins the course exactly as the chosen student sees it, and nobody else", async () => {
    const course = await createCourse(teacher.id, { modules: 2, lessonsPerModule: 1 });
    await setModuleRule(course.moduleIds[1]!, rule({ match: "all", conditions: [{ kind: "completed", item: { kind: "module", id: course.moduleIds[0]! } }] }));
    const student = await studentIn(course);
    const outsider = await userWithToken("student");
    await as(student, { method: "POST", path: `/api/v1/lessons/${course.lessonIds[0]}/completion` });
    const fresh = await studentIn(course);

    for (const staff of [teacher, admin]) {
      const preview = await loadStudentPreview(testDb(), staff, course.id, student.id);
      expect(preview!.students.map((row) => row.id).sort()).toEqual([student.id, fresh.id].sort());
      expect(preview!.view!.outline.release.isOpen("module", course.moduleIds[1]!)).toBe(true);
      expect(preview!.view!.progress).toMatchObject({ completed: 1, required: 2 });
      const other = await loadStudentPreview(testDb(), staff, course.id, fresh.id);
      expect(other!.view!.outline.release.isOpen("lesson", course.lessonIds[1]!)).toBe(false);
      expect(other!.view!.outline.release.state("lesson", course.lessonIds[1]!).reasons).toEqual([
        { kind: "completed", item: { kind: "module", id: course.moduleIds[0] } },
      ]);
      // Someone not in the course is not shown.
      expect((await loadStudentPreview(testDb(), staff, course.id, outsider.id))!.view).toBeNull();
    }
    // What the student itself is shown agrees.
    expect(await lockOfLesson(fresh, course, course.lessonIds[1]!)).not.toBeNull();

    expect(await loadStudentPreview(testDb(), otherTeacher, course.id, student.id)).toBeNull();
    expect(await loadStudentPreview(testDb(), student, course.id, student.id)).toBeNull();
    expect(await loadStudentPreview(testDb(), teacher, "not-a-uuid", null)).toBeNull();
    // Nothing was written by looking.
    expect(await testDb().select().from(lessonCompletions).where(eq(lessonCompletions.userId, fresh.id))).toEqual([]);
  });
});
