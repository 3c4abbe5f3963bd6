import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { courses, enrollments, lessonCompletions, lessons, modules, users } from "@/db/schema";
import { seedDemoData } from "@/lib/seed/seed";
import type { Actor } from "@/lib/auth/policy";
import { loadCoursePage } from "@/lib/courses/course-page";
import { listMyEnrollments } from "@/lib/enrollments/queries";
import { loadPlayerCourse, loadPlayerLesson } from "@/lib/learn/player";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { createActor } from "./learning-fixtures";
import { countQueries, testDb } from "./helpers";

// Who sees which course and whose progress, on the demo data:
// student (A): mechanics 3/6, chemistry 5/5; student3 (B): mechanics 1/6, cell-biology 3/3;
// student2: mechanics 6/6, algebra 1/7 (five lessons, a quiz and an assignment); teacher teaches mechanics, algebra, thermodynamics (draft);
// teacher2 teaches chemistry, cell-biology, calculus-study-group (private, key LIMITS-2026).
const actors: Record<string, Actor> = {};

async function actor(email: string): Promise<Actor> {
  const [row] = await testDb().select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
  return row!;
}

async function courseBySlug(slug: string) {
  const [row] = await testDb().select().from(courses).where(eq(courses.slug, slug));
  return row!;
}

async function lessonIdsOf(slug: string) {
  const rows = await testDb()
    .select({ id: lessons.id })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(eq(courses.slug, slug))
    .orderBy(modules.position, lessons.position);
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  await seedDemoData(testDb());
  actors.a = await actor("student@jeevi.example");
  actors.b = await actor("student3@jeevi.example");
  actors.student2 = await actor("student2@jeevi.example");
  actors.teacher = await actor("teacher@jeevi.example");
  actors.teacher2 = await actor("teacher2@jeevi.example");
  actors.admin = await actor("admin@jeevi.example");
});

describe("a student sees only its own enrolments and progress", () => {
  it("listMyEnrollments never contains another student's courses or numbers", async () => {
    const mine = await listMyEnrollments(testDb(), actors.a!);
    expect(mine.map((row) => row.slug).sort()).toEqual(["foundations-of-chemistry", "mechanics-motion-and-forces"]);
    expect(mine.map((row) => row.slug)).not.toContain("cell-biology");
    // Mechanics is shared: A sees its own 3 of 6, not B's 1 or student2's 6.
    expect(mine.find((row) => row.slug === "mechanics-motion-and-forces")!.progress).toEqual({
      required: 6,
      completed: 3,
      percent: 50,
      isComplete: false,
    });

    const theirs = await listMyEnrollments(testDb(), actors.b!);
    expect(theirs.map((row) => row.slug).sort()).toEqual(["cell-biology", "mechanics-motion-and-forces"]);
    expect(theirs.find((row) => row.slug === "mechanics-motion-and-forces")!.progress.completed).toBe(1);
  });

  it("teachers and admins have no enrolments of their own to list", async () => {
    expect(await listMyEnrollments(testDb(), actors.teacher!)).toEqual([]);
    expect(await listMyEnrollments(testDb(), actors.admin!)).toEqual([]);
  });

  it("the player refuses a course only B is enrolled in", async () => {
    expect(await loadPlayerCourse(testDb(), actors.a!, "cell-biology")).toBeNull();
    expect(await loadPlayerCourse(testDb(), actors.b!, "cell-biology")).not.toBeNull();
    expect(await loadPlayerCourse(testDb(), actors.a!, "no-such-course")).toBeNull();
  });

  it("the player shows A its own progress in a shared course", async () => {
    const data = await loadPlayerCourse(testDb(), actors.a!, "mechanics-motion-and-forces");
    expect(data!.course).toMatchObject({ slug: "mechanics-motion-and-forces", enrollmentStatus: "active", isLearner: true });
    expect(data!.progress).toMatchObject({ completed: 3, required: 6 });
    const ids = await lessonIdsOf("mechanics-motion-and-forces");
    expect([...data!.outline.done.lessons].sort()).toEqual(ids.slice(0, 3).sort());
    expect(data!.next).toMatchObject({ kind: "lesson", id: ids[3] });
  });

  it("loadPlayerLesson refuses a lesson of another course, even one the student is enrolled in", async () => {
    const data = await loadPlayerCourse(testDb(), actors.a!, "mechanics-motion-and-forces");
    const [cellLesson] = await lessonIdsOf("cell-biology");
    const [chemistryLesson] = await lessonIdsOf("foundations-of-chemistry");
    expect(await loadPlayerLesson(testDb(), data!, cellLesson!)).toBeNull();
    expect(await loadPlayerLesson(testDb(), data!, chemistryLesson!)).toBeNull();
    expect(await loadPlayerLesson(testDb(), data!, "00000000-0000-4000-8000-000000000000")).toBeNull();

    const ids = await lessonIdsOf("mechanics-motion-and-forces");
    const lesson = await loadPlayerLesson(testDb(), data!, ids[2]!);
    expect(lesson).toMatchObject({ id: ids[2], title: "Acceleration", moduleTitle: "Describing motion", isDone: true });
    expect(lesson!.previous).toMatchObject({ id: ids[1] });
    expect(lesson!.next).toMatchObject({ id: ids[3] });
  });

  it("a dropped or suspended student no longer reaches the content", async () => {
    const student = await createActor();
    const mechanics = await courseBySlug("mechanics-motion-and-forces");
    await testDb().insert(enrollments).values({ userId: student.id, courseId: mechanics.id, status: "dropped" });
    expect(await loadPlayerCourse(testDb(), student, mechanics.slug)).toBeNull();
    expect(await listMyEnrollments(testDb(), student)).toEqual([]);
    await testDb().update(enrollments).set({ status: "suspended" }).where(eq(enrollments.userId, student.id));
    expect(await loadPlayerCourse(testDb(), student, mechanics.slug)).toBeNull();
    // The public course page stays readable, without progress.
    const page = await loadCoursePage(testDb(), student, mechanics.slug);
    expect(page).toMatchObject({ enrollmentStatus: "suspended", progress: null, canViewContent: false, canEnroll: false });
  });
});

describe("staff in the player", () => {
  it("the course's teacher and an admin preview (isLearner false, no completions); another teacher gets null", async () => {
    for (const who of [actors.teacher!, actors.admin!]) {
      const data = await loadPlayerCourse(testDb(), who, "mechanics-motion-and-forces");
      expect(data).not.toBeNull();
      expect(data!.course).toMatchObject({ isLearner: false, enrollmentStatus: null });
      expect(data!.outline.items).toHaveLength(6);
      expect(data!.outline.done.lessons.size).toBe(0);
      const [first] = await lessonIdsOf("mechanics-motion-and-forces");
      expect(await loadPlayerLesson(testDb(), data!, first!)).toMatchObject({ id: first, isDone: false });
    }
    expect(await loadPlayerCourse(testDb(), actors.teacher2!, "mechanics-motion-and-forces")).toBeNull();
  });

  it("the teacher and admin preview a draft; no student does", async () => {
    expect(await loadPlayerCourse(testDb(), actors.teacher!, "thermodynamics")).not.toBeNull();
    expect(await loadPlayerCourse(testDb(), actors.admin!, "thermodynamics")).not.toBeNull();
    expect(await loadPlayerCourse(testDb(), actors.teacher2!, "thermodynamics")).toBeNull();
    expect(await loadPlayerCourse(testDb(), actors.a!, "thermodynamics")).toBeNull();
  });
});

describe("course page visibility", () => {
  it("a draft is null for a guest, a student and another teacher; visible to its teacher and an admin", async () => {
    expect(await loadCoursePage(testDb(), null, "thermodynamics")).toBeNull();
    expect(await loadCoursePage(testDb(), actors.a!, "thermodynamics")).toBeNull();
    expect(await loadCoursePage(testDb(), actors.teacher2!, "thermodynamics")).toBeNull();
    const own = await loadCoursePage(testDb(), actors.teacher!, "thermodynamics");
    expect(own).toMatchObject({ course: { slug: "thermodynamics", status: "draft" }, canEdit: true, canViewContent: true, canEnroll: false });
    expect(await loadCoursePage(testDb(), actors.admin!, "thermodynamics")).toMatchObject({ canEdit: true });
  });

  it("a draft stays hidden from a student who was enrolled before it went back to draft", async () => {
    const student = await createActor();
    const draft = await courseBySlug("thermodynamics");
    await testDb().insert(enrollments).values({ userId: student.id, courseId: draft.id });
    expect(await loadCoursePage(testDb(), student, "thermodynamics")).toBeNull();
    expect(await loadPlayerCourse(testDb(), student, "thermodynamics")).toBeNull();
    expect(await listMyEnrollments(testDb(), student)).toEqual([]);
    await testDb().delete(enrollments).where(eq(enrollments.userId, student.id));
  });

  it("an archived course is null for a guest and an unenrolled student, readable by an enrolled one", async () => {
    const algebra = await courseBySlug("algebra-essentials");
    await testDb().update(courses).set({ status: "archived" }).where(eq(courses.id, algebra.id));
    try {
      expect(await loadCoursePage(testDb(), null, "algebra-essentials")).toBeNull();
      expect(await loadCoursePage(testDb(), actors.a!, "algebra-essentials")).toBeNull();
      expect(await loadPlayerCourse(testDb(), actors.a!, "algebra-essentials")).toBeNull();

      const page = await loadCoursePage(testDb(), actors.student2!, "algebra-essentials");
      expect(page).toMatchObject({
        course: { status: "archived" },
        enrollmentStatus: "active",
        canViewContent: true,
        canEnroll: false,
        progress: { completed: 1, required: 7 },
      });
      const player = await loadPlayerCourse(testDb(), actors.student2!, "algebra-essentials");
      expect(player).toMatchObject({ course: { isLearner: true }, progress: { completed: 1, required: 7 } });
      expect((await listMyEnrollments(testDb(), actors.student2!)).map((row) => row.slug)).toContain("algebra-essentials");

      // Its teacher and an admin still see it.
      expect(await loadCoursePage(testDb(), actors.teacher!, "algebra-essentials")).not.toBeNull();
      expect(await loadCoursePage(testDb(), actors.admin!, "algebra-essentials")).not.toBeNull();
    } finally {
      await testDb().update(courses).set({ status: "published" }).where(eq(courses.id, algebra.id));
    }
  });

  it("never returns the enrolment key or the teacher id, to anyone", async () => {
    for (const who of [null, actors.a!, actors.teacher!, actors.teacher2!, actors.admin!]) {
      const page = await loadCoursePage(testDb(), who, "calculus-study-group");
      expect(page).not.toBeNull();
      expect(page!.course).not.toHaveProperty("enrollmentKey");
      expect(page!.course).not.toHaveProperty("teacherId");
      expect(page!.course).toMatchObject({ visibility: "private", teacherName: "Daniel Okafor" });
      expect(JSON.stringify(page)).not.toContain("LIMITS-2026");
    }
  });

  it("shows a guest the outline and counts, without progress; a guest may not enrol nor read content", async () => {
    const page = await loadCoursePage(testDb(), null, "mechanics-motion-and-forces");
    expect(page).toMatchObject({
      course: { lessonCount: 6, studentCount: 5 },
      enrollmentStatus: null,
      progress: null,
      next: null,
      canViewContent: false,
      canEnroll: false,
      canEdit: false,
    });
    expect(page!.outline.items).toHaveLength(6);
    expect(page!.outline.done.lessons.size).toBe(0);
    // A student not enrolled may enrol; an enrolled one sees its own progress.
    expect(await loadCoursePage(testDb(), actors.b!, "algebra-essentials")).toMatchObject({ canEnroll: true, progress: null });
    expect(await loadCoursePage(testDb(), actors.a!, "mechanics-motion-and-forces")).toMatchObject({
      canEnroll: false,
      canViewContent: true,
      progress: { completed: 3, required: 6 },
    });
  });
});

describe("query budget", () => {
  // The statements each page issues, for A: dashboard, player + lesson, course page.
  async function budget() {
    const dashboard = await countQueries(() => listMyEnrollments(testDb(), actors.a!));
    const [firstLesson] = await lessonIdsOf("mechanics-motion-and-forces");
    const player = await countQueries(async () => {
      const data = await loadPlayerCourse(testDb(), actors.a!, "mechanics-motion-and-forces");
      return loadPlayerLesson(testDb(), data!, firstLesson!);
    });
    const page = await countQueries(() => loadCoursePage(testDb(), actors.a!, "mechanics-motion-and-forces"));
    const guestPage = await countQueries(() => loadCoursePage(testDb(), null, "mechanics-motion-and-forces"));
    expect(player.result).not.toBeNull();
    expect(page.result).not.toBeNull();
    return {
      counts: { dashboard: dashboard.count, player: player.count, page: page.count, guestPage: guestPage.count },
      enrolments: dashboard.result.length,
    };
  }

  it("stays the same whatever the number of courses, lessons and completions", async () => {
    const small = await budget();
    expect(small.counts).toEqual({ dashboard: 3, player: 4, page: 3, guestPage: 3 });

    // 30 more courses of 3 modules × 4 lessons, A enrolled in all, half of each done.
    const student = actors.a!;
    const teacher = actors.teacher!;
    const newCourses = await testDb()
      .insert(courses)
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          slug: `budget-course-${i}`,
          title: `Budget course ${i}`,
          subject: "physics",
          status: "published" as const,
          teacherId: teacher.id,
        })),
      )
      .returning({ id: courses.id });
    const newModules = await testDb()
      .insert(modules)
      .values(newCourses.flatMap((course) => [0, 1, 2].map((position) => ({ courseId: course.id, title: `Module ${position}`, position }))))
      .returning({ id: modules.id, courseId: modules.courseId, position: modules.position });
    const newLessons = await testDb()
      .insert(lessons)
      .values(newModules.flatMap((module) => [0, 1, 2, 3].map((position) => ({ moduleId: module.id, title: `Lesson ${position}`, position }))))
      .returning({ id: lessons.id, moduleId: lessons.moduleId, position: lessons.position });
    await testDb()
      .insert(enrollments)
      .values(newCourses.map((course) => ({ userId: student.id, courseId: course.id })));
    const earlyModules = new Set(newModules.filter((module) => module.position < 2).map((module) => module.id));
    await testDb()
      .insert(lessonCompletions)
      .values(newLessons.filter((lesson) => earlyModules.has(lesson.moduleId) && lesson.position < 3).map((lesson) => ({ userId: student.id, lessonId: lesson.id })));
    // More lessons in the course the player and page show, too.
    const mechanics = await courseBySlug("mechanics-motion-and-forces");
    const [extraModule] = await testDb()
      .insert(modules)
      .values({ courseId: mechanics.id, title: "Extra", position: 2 })
      .returning({ id: modules.id });
    await testDb()
      .insert(lessons)
      .values(Array.from({ length: 20 }, (_, position) => ({ moduleId: extraModule!.id, title: `Extra ${position}`, position })));
    for (const course of [...newCourses, mechanics]) await recomputeProgress(testDb(), { courseId: course.id });

    const large = await budget();
    expect(large.enrolments).toBe(small.enrolments + 30);
    expect(large.counts).toEqual(small.counts);

    // The numbers are still right at that size.
    const rows = await listMyEnrollments(testDb(), student);
    const sample = rows.find((row) => row.slug === "budget-course-7")!;
    expect(sample.progress).toEqual({ required: 12, completed: 6, percent: 50, isComplete: false });
    expect(sample.next).toMatchObject({ kind: "lesson", title: "Lesson 3" });
    const [stored] = await testDb()
      .select({ progressPercent: enrollments.progressPercent })
      .from(enrollments)
      .where(and(eq(enrollments.userId, student.id), inArray(enrollments.courseId, [newCourses[7]!.id])));
    expect(stored!.progressPercent).toBe(50);
    expect(rows.find((row) => row.slug === "mechanics-motion-and-forces")!.progress).toMatchObject({ required: 26, completed: 3 });
  });
});
