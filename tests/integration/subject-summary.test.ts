import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { courses, enrollments, learningTasks, lessonCompletions, lessons, modules, taskProgress, users } from "@/db/schema";
import type { TaskProgressStatus, TaskStatus, TaskType } from "@/db/schema/enums";
import { seedDemoData } from "@/lib/seed/seed";
import { loadSubjectSummary, type SummaryActor } from "@/lib/progress/queries";
import { countQueries, testDb } from "./helpers";

const actors: Record<string, SummaryActor> = {};
const courseIds: Record<string, string> = {};

async function lessonTitlesOf(slug: string): Promise<string[]> {
  const rows = await testDb()
    .select({ title: lessons.title })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(modules.courseId, courseIds[slug]!))
    .orderBy(asc(modules.position), asc(lessons.position));
  return rows.map((row) => row.title);
}

async function addTask(
  slug: string,
  task: { title: string; type?: TaskType; status?: TaskStatus; maxPoints?: number | null },
): Promise<string> {
  const [row] = await testDb()
    .insert(learningTasks)
    .values({
      courseId: courseIds[slug]!,
      title: task.title,
      type: task.type ?? "quiz",
      status: task.status ?? "published",
      maxPoints: task.maxPoints === undefined ? 10 : task.maxPoints,
    })
    .returning({ id: learningTasks.id });
  return row!.id;
}

async function recordProgress(
  userId: string,
  taskId: string,
  progress: { status: TaskProgressStatus; points?: number | null; completedAt?: Date | null },
) {
  const done = progress.status === "completed" || progress.status === "graded";
  await testDb()
    .insert(taskProgress)
    .values({
      userId,
      taskId,
      status: progress.status,
      pointsEarned: progress.points ?? null,
      startedAt: new Date("2026-01-10T09:00:00Z"),
      completedAt: progress.completedAt === undefined ? (done ? new Date("2026-01-10T09:20:00Z") : null) : progress.completedAt,
    });
}

async function setEnrollment(email: string, slug: string, status: "active" | "dropped" | "suspended") {
  await testDb()
    .update(enrollments)
    .set({ status, completedAt: null })
    .where(and(eq(enrollments.userId, actors[email]!.id), eq(enrollments.courseId, courseIds[slug]!)));
}

beforeAll(async () => {
  await seedDemoData(testDb());
  const people = await testDb()
    .select({ id: users.id, role: users.role, gradeLevel: users.gradeLevel, email: users.email })
    .from(users)
    .where(inArray(users.email, ["student@jeevi.example", "student2@jeevi.example", "student6@jeevi.example"]));
  for (const { email, ...actor } of people) actors[email] = actor;
  for (const course of await testDb().select({ id: courses.id, slug: courses.slug }).from(courses)) {
    courseIds[course.slug] = course.id;
  }
});

describe("loadSubjectSummary", () => {
  it("lists the demo student's seeded completions by subject, in two statements", async () => {
    const { result, count } = await countQueries(() => loadSubjectSummary(testDb(), actors["student@jeevi.example"]!));
    expect(count).toBe(2);
    expect(result.class).toBe(10);
    expect(Object.keys(result.subject_progress)).toEqual(["chemistry", "physics"]);

    const physics = result.subject_progress.physics!;
    expect(physics.completed_lessons.map((entry) => entry.title)).toEqual((await lessonTitlesOf("mechanics-motion-and-forces")).slice(0, 3));
    expect(physics.completed_lessons[0]).toMatchObject({
      course: "mechanics-motion-and-forces",
      course_title: "Mechanics: Motion and Forces",
    });
    expect(physics.completed_quizzes).toEqual([]);

    const chemistry = result.subject_progress.chemistry!;
    expect(chemistry.completed_lessons.map((entry) => entry.title)).toEqual(await lessonTitlesOf("foundations-of-chemistry"));
    for (const entry of [...physics.completed_lessons, ...chemistry.completed_lessons]) {
      expect(entry.completed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  it("never shows another student's completions", async () => {
    const student = actors["student@jeevi.example"]!;
    const own = await testDb()
      .select({ lessonId: lessonCompletions.lessonId })
      .from(lessonCompletions)
      .where(eq(lessonCompletions.userId, student.id));
    const summary = await loadSubjectSummary(testDb(), student);
    const listed = Object.values(summary.subject_progress).flatMap((subject) => subject.completed_lessons.map((entry) => entry.id));
    expect(listed.sort()).toEqual(own.map((row) => row.lessonId).sort());

    // student2 finished all six mechanics lessons; the demo student still has three.
    const other = await loadSubjectSummary(testDb(), actors["student2@jeevi.example"]!);
    expect(other.subject_progress.physics!.completed_lessons).toHaveLength(6);
    expect(other.subject_progress.mathematics!.completed_lessons).toHaveLength(1);
    expect(other.subject_progress.chemistry).toBeUndefined();
    expect(summary.subject_progress.physics!.completed_lessons).toHaveLength(3);
  });

  it("lists completed and graded quizzes under their subject with points, and nothing else", async () => {
    const student = actors["student@jeevi.example"]!;
    const graded = await addTask("foundations-of-chemistry", { title: "Atoms quiz", maxPoints: 10 });
    await recordProgress(student.id, graded, { status: "graded", points: 8.5, completedAt: new Date("2026-02-01T10:00:00Z") });
    const completed = await addTask("foundations-of-chemistry", { title: "Bonds quiz", maxPoints: null });
    await recordProgress(student.id, completed, { status: "completed", completedAt: new Date("2026-01-15T10:00:00Z") });

    // Not completed, not a quiz, a draft, or someone else's: none of these may appear.
    await recordProgress(student.id, await addTask("foundations-of-chemistry", { title: "Started quiz" }), { status: "in_progress" });
    await recordProgress(student.id, await addTask("foundations-of-chemistry", { title: "Submitted quiz" }), { status: "submitted" });
    await recordProgress(student.id, await addTask("foundations-of-chemistry", { title: "Lab report", type: "assignment" }), {
      status: "graded",
      points: 9,
    });
    await recordProgress(student.id, await addTask("foundations-of-chemistry", { title: "Draft quiz", status: "draft" }), {
      status: "graded",
      points: 5,
    });
    await recordProgress(actors["student6@jeevi.example"]!.id, await addTask("foundations-of-chemistry", { title: "Other's quiz" }), {
      status: "graded",
      points: 3,
    });

    const summary = await loadSubjectSummary(testDb(), student);
    expect(summary.subject_progress.chemistry!.completed_quizzes).toEqual([
      {
        id: completed,
        title: "Bonds quiz",
        course: "foundations-of-chemistry",
        course_title: "Foundations of Chemistry",
        completed_at: "2026-01-15T10:00:00.000Z",
        points: null,
        max_points: null,
      },
      {
        id: graded,
        title: "Atoms quiz",
        course: "foundations-of-chemistry",
        course_title: "Foundations of Chemistry",
        completed_at: "2026-02-01T10:00:00.000Z",
        points: 8.5,
        max_points: 10,
      },
    ]);
    expect(summary.subject_progress.physics!.completed_quizzes).toEqual([]);

    const other = await loadSubjectSummary(testDb(), actors["student6@jeevi.example"]!);
    expect(other.subject_progress.chemistry!.completed_quizzes.map((entry) => entry.title)).toEqual(["Other's quiz"]);
  });

  it("shows a subject where the student has only finished quizzes, with an empty lesson list", async () => {
    const student = actors["student@jeevi.example"]!;
    await testDb().insert(enrollments).values({ userId: student.id, courseId: courseIds["algebra-essentials"]! });
    const quiz = await addTask("algebra-essentials", { title: "Linear equations quiz", maxPoints: 5 });
    await recordProgress(student.id, quiz, { status: "graded", points: 5 });

    const summary = await loadSubjectSummary(testDb(), student);
    expect(Object.keys(summary.subject_progress)).toEqual(["chemistry", "mathematics", "physics"]);
    expect(summary.subject_progress.mathematics).toEqual({
      completed_lessons: [],
      completed_quizzes: [expect.objectContaining({ id: quiz, points: 5, max_points: 5 })],
    });
  });

  it("leaves out dropped and suspended enrolments and courses back in draft, and brings them back", async () => {
    const email = "student@jeevi.example";
    await setEnrollment(email, "foundations-of-chemistry", "dropped");
    await setEnrollment(email, "algebra-essentials", "suspended");
    await testDb().update(courses).set({ status: "draft" }).where(eq(courses.id, courseIds["mechanics-motion-and-forces"]!));
    try {
      expect(await loadSubjectSummary(testDb(), actors[email]!)).toEqual({ class: 10, subject_progress: {} });

      // An archived course stays readable for its students, so it still counts.
      await testDb().update(courses).set({ status: "archived" }).where(eq(courses.id, courseIds["mechanics-motion-and-forces"]!));
      const summary = await loadSubjectSummary(testDb(), actors[email]!);
      expect(Object.keys(summary.subject_progress)).toEqual(["physics"]);
    } finally {
      await setEnrollment(email, "foundations-of-chemistry", "active");
      await setEnrollment(email, "algebra-essentials", "active");
      await testDb().update(courses).set({ status: "published" }).where(eq(courses.id, courseIds["mechanics-motion-and-forces"]!));
    }
    const restored = await loadSubjectSummary(testDb(), actors[email]!);
    expect(restored.subject_progress.chemistry!.completed_lessons).toHaveLength(5);
  });

  it("runs the same number of statements however much the student has done", async () => {
    const student = actors["student@jeevi.example"]!;
    const before = await countQueries(() => loadSubjectSummary(testDb(), student));

    // Enrol in and finish every lesson of two more courses, and add ten quizzes.
    for (const slug of ["cell-biology", "calculus-study-group"]) {
      await testDb().insert(enrollments).values({ userId: student.id, courseId: courseIds[slug]! }).onConflictDoNothing();
      const courseLessons = await testDb()
        .select({ id: lessons.id })
        .from(lessons)
        .innerJoin(modules, eq(modules.id, lessons.moduleId))
        .where(eq(modules.courseId, courseIds[slug]!));
      await testDb()
        .insert(lessonCompletions)
        .values(courseLessons.map((lesson) => ({ userId: student.id, lessonId: lesson.id })))
        .onConflictDoNothing();
    }
    for (let index = 0; index < 10; index++) {
      await recordProgress(student.id, await addTask("cell-biology", { title: `Cells quiz ${index}` }), { status: "graded", points: index });
    }

    const after = await countQueries(() => loadSubjectSummary(testDb(), student));
    const entries = (summary: typeof after.result) =>
      Object.values(summary.subject_progress).reduce(
        (total, subject) => total + subject.completed_lessons.length + subject.completed_quizzes.length,
        0,
      );
    expect(entries(after.result)).toBeGreaterThan(entries(before.result) + 10);
    expect(after.result.subject_progress.biology!.completed_quizzes).toHaveLength(10);
    expect(after.count).toBe(before.count);
    expect(after.count).toBe(2);
  });
});
