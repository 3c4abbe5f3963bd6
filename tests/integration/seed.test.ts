import { and, eq, sql, TransactionRollbackError } from "drizzle-orm";
import type { Database } from "@/db";
import { beforeAll, describe, expect, it } from "vitest";
import { courses, enrollments, lessonCompletions, lessons, modules, users } from "@/db/schema";
import { demoPassword } from "@/lib/seed/demo-accounts";
import { isDatabaseEmpty, seedDemoData, type SeedReport } from "@/lib/seed/seed";
import { verifyPassword } from "@/lib/auth/password";
import { processPendingEvents } from "@/lib/events/process-events";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { rowsOf } from "@/lib/db/rows";
import { progressPercent } from "@/lib/progress/progress";
import { recomputeEnrollmentProgress } from "@/lib/progress/recompute-enrollment-progress";
import { testDb } from "./helpers";

/** Row counts of every application table, found from the catalogue so none is forgotten. */
async function countEveryTable(): Promise<Record<string, number>> {
  const tables = rowsOf<{ table_name: string }>(
    await testDb().execute(sql`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`),
  ).map((row) => row.table_name);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ n: number | string }>(await testDb().execute(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`));
    counts[table] = Number(row!.n);
  }
  return counts;
}

let firstRun: SeedReport;
let countsAfterFirstRun: Record<string, number>;

beforeAll(async () => {
  expect(await isDatabaseEmpty(testDb())).toBe(true);
  firstRun = await seedDemoData(testDb());
  countsAfterFirstRun = await countEveryTable();
});

describe("seedDemoData", () => {
  it("reports what it created and fills the database", async () => {
    expect(firstRun).toEqual({ usersCreated: 15, coursesCreated: 6 });
    expect(await isDatabaseEmpty(testDb())).toBe(false);
    expect(countsAfterFirstRun).toMatchObject({ users: 15, courses: 6 });
    for (const table of ["users", "courses", "modules", "lessons", "enrollments", "lesson_completions"]) {
      expect(countsAfterFirstRun[table], table).toBeGreaterThan(0);
    }
    // Every table of the schema was counted.
    expect(Object.keys(countsAfterFirstRun)).toEqual(
      expect.arrayContaining(["audit_log", "domain_events", "learning_tasks", "rate_counters", "task_progress"]),
    );
  });

  it("creates one admin, two teachers and twelve students, who can sign in with the demo password", async () => {
    const rows = await testDb()
      .select({ role: users.role, n: sql<number>`count(*)::int` })
      .from(users)
      .groupBy(users.role);
    expect(Object.fromEntries(rows.map((row) => [row.role, Number(row.n)]))).toEqual({ admin: 1, teacher: 2, student: 12 });

    const [admin] = await testDb().select().from(users).where(eq(users.email, "admin@jeevi.example"));
    expect(admin).toMatchObject({ role: "admin", isActive: true, username: "admin" });
    expect(await verifyPassword(admin!.passwordHash, demoPassword)).toBe(true);
    expect(admin!.passwordHash).not.toContain(demoPassword);

    const students = await testDb().select().from(users).where(eq(users.role, "student"));
    for (const student of students) {
      expect(student.gradeLevel).toBeGreaterThanOrEqual(10);
      expect(student.gradeLevel).toBeLessThanOrEqual(12);
      expect(student.email).toBe(student.email.toLowerCase());
    }
  });

  it("has at least four published courses over three subjects, one draft and one private course with a key", async () => {
    const all = await testDb().select().from(courses);
    const published = all.filter((course) => course.status === "published");
    expect(published.length).toBeGreaterThanOrEqual(4);
    expect(new Set(published.map((course) => course.subject)).size).toBeGreaterThanOrEqual(3);
    expect(published.every((course) => course.publishedAt !== null)).toBe(true);

    const drafts = all.filter((course) => course.status === "draft");
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.publishedAt).toBeNull();

    const privates = all.filter((course) => course.visibility === "private");
    expect(privates).toHaveLength(1);
    expect(privates[0]).toMatchObject({ status: "published", enrollmentKey: "LIMITS-2026" });
    expect(all.filter((course) => course.visibility === "public").every((course) => course.enrollmentKey === null)).toBe(true);

    // Each course is taught by one of the two teachers; modules and lessons are numbered 0, 1, 2…
    const teacherIds = new Set(
      (await testDb().select({ id: users.id }).from(users).where(eq(users.role, "teacher"))).map((row) => row.id),
    );
    for (const course of all) {
      expect(teacherIds.has(course.teacherId)).toBe(true);
      const rows = await testDb()
        .select({ module: modules.position, lesson: lessons.position })
        .from(lessons)
        .innerJoin(modules, eq(modules.id, lessons.moduleId))
        .where(eq(modules.courseId, course.id))
        .orderBy(modules.position, lessons.position);
      expect(rows.length, course.slug).toBeGreaterThan(0);
      const moduleCount = Math.max(...rows.map((row) => row.module)) + 1;
      for (let position = 0; position < moduleCount; position++) {
        const lessonPositions = rows.filter((row) => row.module === position).map((row) => row.lesson);
        expect(lessonPositions, `${course.slug} module ${position}`).toEqual(lessonPositions.map((_, index) => index));
        expect(lessonPositions.length).toBeGreaterThan(0);
      }
    }
  });

  it("stores enrolment progress that matches the lesson completions and graded quizzes", async () => {
    const rows = rowsOf<{
      user_id: string;
      course_id: string;
      slug: string;
      email: string;
      status: string;
      progress: number | string;
      completed_at: unknown;
      required: number | string;
      done: number | string;
    }>(
      await testDb().execute(sql`
        SELECT e.user_id, e.course_id, c.slug, u.email, e.status, e.progress_percent AS progress, e.completed_at,
          (SELECT count(*) FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.course_id = e.course_id)
          + (SELECT count(*) FROM learning_tasks t WHERE t.course_id = e.course_id AND t.status = 'published') AS required,
          (SELECT count(*) FROM lesson_completions lc JOIN lessons l ON l.id = lc.lesson_id JOIN modules m ON m.id = l.module_id
            WHERE m.course_id = e.course_id AND lc.user_id = e.user_id)
          + (SELECT count(*) FROM task_progress p JOIN learning_tasks t ON t.id = p.task_id
            WHERE t.course_id = e.course_id AND t.status = 'published' AND p.user_id = e.user_id
              AND p.status IN ('completed', 'graded')) AS done
        FROM enrollments e JOIN courses c ON c.id = e.course_id JOIN users u ON u.id = e.user_id`),
    );
    expect(rows.length).toBeGreaterThanOrEqual(10);

    for (const row of rows) {
      const required = Number(row.required);
      const done = Number(row.done);
      const label = `${row.email} in ${row.slug}`;
      expect(Number(row.progress), label).toBe(progressPercent(done, required));
      expect(row.status, label).toBe(done === required ? "completed" : "active");
      expect(row.completed_at === null, label).toBe(done !== required);
    }

    // Spot checks with literal values (the mechanics course has six lessons).
    const spot = (email: string) => rows.find((row) => row.email === email && row.slug === "mechanics-motion-and-forces")!;
    expect(Number(spot("student@jeevi.example").progress)).toBe(50);
    expect(Number(spot("student2@jeevi.example").progress)).toBe(100);
    expect(spot("student2@jeevi.example").status).toBe("completed");
    expect(Number(spot("student3@jeevi.example").progress)).toBe(16.67);
    expect(Number(spot("student4@jeevi.example").progress)).toBe(0);
    expect(Number(spot("student5@jeevi.example").progress)).toBe(66.67);

    // Algebra has five lessons, a quiz and an assignment. The quiz: student8 answered everything
    // right, student9 scored 2 of 6 points, which still completes the quiz item (graded). The
    // assignment: student8's hand-in has a released grade (7 of 7 items: completed), student9's
    // waits for grading (2 lessons + the quiz: 3 of 7).
    const algebra = (email: string) => rows.find((row) => row.email === email && row.slug === "algebra-essentials")!;
    expect(algebra("student8@jeevi.example")).toMatchObject({ status: "completed", done: expect.anything() });
    expect(Number(algebra("student8@jeevi.example").progress)).toBe(100);
    expect(Number(algebra("student9@jeevi.example").progress)).toBe(42.86);
    const handIns = rowsOf<{ email: string; version: number; grade_status: string; points: string | number | null; progress: string }>(
      await testDb().execute(sql`
        SELECT u.email, s.version, s.grade_status, s.points, p.status AS progress
        FROM submissions s JOIN users u ON u.id = s.user_id
        JOIN task_progress p ON p.task_id = s.task_id AND p.user_id = s.user_id
        ORDER BY u.email`),
    );
    expect(handIns.map((row) => [row.email, row.version, row.grade_status, row.points === null ? null : Number(row.points), row.progress])).toEqual([
      ["student8@jeevi.example", 1, "released", 9, "graded"],
      ["student9@jeevi.example", 1, "ungraded", null, "submitted"],
    ]);
    const scores = rowsOf<{ email: string; score: string | number; percent: string | number; status: string; points: string | number }>(
      await testDb().execute(sql`
        SELECT u.email, a.score_points AS score, a.score_percent AS percent, p.status, p.points_earned AS points
        FROM quiz_attempts a JOIN users u ON u.id = a.user_id
        JOIN task_progress p ON p.task_id = a.task_id AND p.user_id = a.user_id
        ORDER BY u.email`),
    );
    expect(scores.map((row) => [row.email, Number(row.score), Number(row.percent), row.status, Number(row.points)])).toEqual([
      ["student8@jeevi.example", 6, 100, "graded", 6],
      ["student9@jeevi.example", 2, 33.33, "graded", 2],
    ]);

    // Recomputing from the rows gives the numbers already stored.
    const before = await testDb().select().from(enrollments).orderBy(enrollments.id);
    for (const row of rows) {
      const recomputed = await recomputeEnrollmentProgress(testDb(), row.user_id, row.course_id);
      expect(recomputed?.percent).toBe(Number(row.progress));
      expect(recomputed?.status).toBe(row.status);
    }
    const after = await testDb().select().from(enrollments).orderBy(enrollments.id);
    expect(after.map(({ updatedAt: _u, ...rest }) => rest)).toEqual(before.map(({ updatedAt: _u, ...rest }) => rest));
  });

  it("posts the demo announcement and discussion, whose events tell the right people once the worker runs", async () => {
    expect(countsAfterFirstRun).toMatchObject({ announcements: 1, discussion_threads: 1, discussion_posts: 3 });
    const follows = rowsOf<{ email: string }>(
      await testDb().execute(sql`SELECT u.email FROM thread_follows f JOIN users u ON u.id = f.user_id ORDER BY u.email`),
    ).map((row) => row.email);
    // The thread's author and both repliers follow it.
    expect(follows).toEqual(["student2@jeevi.example", "student@jeevi.example", "teacher@jeevi.example"]);

    // A scratch copy of the outbox: processing it here must not change the counts the idempotency tests compare.
    await testDb().transaction(async (tx) => {
      await processPendingEvents(tx as unknown as Database, notificationHandlers);
      const told = rowsOf<{ email: string; title: string }>(
        await tx.execute(sql`SELECT u.email, n.title FROM notifications n JOIN users u ON u.id = n.user_id ORDER BY u.email, n.title`),
      );
      const mechanicsStudents = ["student2@jeevi.example", "student3@jeevi.example", "student4@jeevi.example", "student5@jeevi.example", "student@jeevi.example"];
      expect(told.filter((row) => row.title.startsWith("Announcement:")).map((row) => row.email).sort()).toEqual(mechanicsStudents.sort());
      // Followers when the worker runs: student@'s reply tells student2 and the teacher (who has
      // replied since), the teacher's reply tells both students; nobody hears of their own post.
      expect(told.filter((row) => row.title.startsWith("New reply:")).map((row) => row.email)).toEqual([
        "student2@jeevi.example",
        "student2@jeevi.example",
        "student@jeevi.example",
        "teacher@jeevi.example",
      ]);
      expect(told.filter((row) => row.email === "teacher@jeevi.example")).toHaveLength(1);
      tx.rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof TransactionRollbackError)) throw error;
    });
  });

  it("only enrols students, and only in published courses", async () => {
    const rows = await testDb()
      .select({ role: users.role, status: courses.status })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .innerJoin(courses, eq(courses.id, enrollments.courseId));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.role === "student" && row.status === "published")).toBe(true);
  });

  it("is idempotent: a second run creates nothing and changes no row count", async () => {
    const second = await seedDemoData(testDb());
    expect(second).toEqual({ usersCreated: 0, coursesCreated: 0 });
    expect(await countEveryTable()).toEqual(countsAfterFirstRun);
  });

  it("leaves changes made since the first run alone", async () => {
    await testDb().update(users).set({ displayName: "Renamed Admin" }).where(eq(users.email, "admin@jeevi.example"));
    await testDb()
      .update(courses)
      .set({ title: "Mechanics (edited)" })
      .where(eq(courses.slug, "mechanics-motion-and-forces"));
    const [student] = await testDb().select({ id: users.id }).from(users).where(eq(users.email, "student4@jeevi.example"));
    const [mechanics] = await testDb().select({ id: courses.id }).from(courses).where(eq(courses.slug, "mechanics-motion-and-forces"));
    const [firstLesson] = await testDb()
      .select({ id: lessons.id })
      .from(lessons)
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .where(eq(modules.courseId, mechanics!.id))
      .orderBy(modules.position, lessons.position)
      .limit(1);
    await testDb().insert(lessonCompletions).values({ userId: student!.id, lessonId: firstLesson!.id });
    await recomputeEnrollmentProgress(testDb(), student!.id, mechanics!.id);

    expect(await seedDemoData(testDb())).toEqual({ usersCreated: 0, coursesCreated: 0 });

    const [admin] = await testDb().select().from(users).where(eq(users.email, "admin@jeevi.example"));
    expect(admin!.displayName).toBe("Renamed Admin");
    const [course] = await testDb().select().from(courses).where(eq(courses.id, mechanics!.id));
    expect(course!.title).toBe("Mechanics (edited)");
    const [enrollment] = await testDb()
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.userId, student!.id), eq(enrollments.courseId, mechanics!.id)));
    expect(enrollment!.progressPercent).toBe(16.67);
  });
});

describe("school structure in the demo", () => {
  it("teaches Mechanics to 10A and 10B with teacher2 on 10B, gathers class 10 in a cohort and certifies student11", async () => {
    const sections = rowsOf<{ name: string; members: number; teachers: string | null }>(
      await testDb().execute(sql`
        SELECT cs.name, (SELECT count(*)::int FROM section_members sm WHERE sm.section_id = cs.id) AS members,
          (SELECT string_agg(u.email, ',') FROM section_teachers st JOIN users u ON u.id = st.user_id WHERE st.section_id = cs.id) AS teachers
        FROM course_sections cs JOIN courses c ON c.id = cs.course_id
        WHERE c.slug = 'mechanics-motion-and-forces' ORDER BY cs.name`),
    );
    expect(sections.map((row) => ({ ...row, members: Number(row.members) }))).toEqual([
      { name: "10A", members: 3, teachers: null },
      { name: "10B", members: 2, teachers: "teacher2@jeevi.example" },
    ]);

    const cohort = rowsOf<{ name: string; members: number; links: number }>(
      await testDb().execute(sql`
        SELECT ch.name, (SELECT count(*)::int FROM cohort_members m WHERE m.cohort_id = ch.id) AS members,
          (SELECT count(*)::int FROM cohort_courses cc WHERE cc.cohort_id = ch.id) AS links
        FROM cohorts ch`),
    );
    expect(cohort.map((row) => ({ ...row, members: Number(row.members), links: Number(row.links) }))).toEqual([
      { name: "Class 10, 2026", members: 4, links: 0 },
    ]);

    const certificates = rowsOf<{ email: string; slug: string; revoked: boolean; status: string }>(
      await testDb().execute(sql`
        SELECT u.email, c.slug, x.revoked_at IS NOT NULL AS revoked, e.status
        FROM certificates x JOIN users u ON u.id = x.user_id JOIN courses c ON c.id = x.course_id
        JOIN enrollments e ON e.user_id = x.user_id AND e.course_id = x.course_id`),
    );
    expect(certificates).toEqual([{ email: "student11@jeevi.example", slug: "calculus-study-group", revoked: false, status: "completed" }]);
  });
});
