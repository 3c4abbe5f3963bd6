import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, courses, enrollments, learningTasks, lessonCompletions, taskProgress, users } from "@/db/schema";
import type { EnrollmentStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import { atRiskFlags, isAtRisk, medianOf } from "@/lib/reports/at-risk";
import { enrollmentCsvLines, exportEnrollmentCsv } from "@/lib/reports/enrollment-csv";
import { loadCourseProgressSummary, loadEnrollmentReport, type EnrollmentReportRow, type ReportScope } from "@/lib/reports/enrollment-report";
import { parseReportQuery, reportSorts, type EnrollmentReportQuery, type ReportSort } from "@/lib/reports/report-params";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, type CourseFixture } from "./learning-fixtures";

// The progress report shared by the teacher's course view and the admin's
// site report, on seeded data: access, filters, every sort key, paging, the
// at-risk rule (SQL against the pure function), the averages (released
// grades only), the CSV, and a fixed number of statements.

const now = new Date("2026-06-15T12:00:00.000Z");
const day = 24 * 60 * 60 * 1000;
const ago = (ms: number) => new Date(now.getTime() - ms);
const tag = `rpt${process.pid}${Math.random().toString(36).slice(2, 6)}`;

const query = (params: Record<string, string> = {}): EnrollmentReportQuery => parseReportQuery(params);

interface Seeded {
  name: string;
  status: EnrollmentStatus;
  progress: number;
  lastActivity: Date;
  enrolled: Date;
}

// Course A (teacher 1). Active progress 80, 60, 20, 50, 25: median 50.
// Bob: exactly 7 days quiet (inactive); Dan: 1 ms short of 7 days (not);
// Carol: 30 below the median (behind); Gina: exactly 25 below (not behind).
// Eve, Frank and Hank are not active, so never at risk, whatever their numbers.
const courseAStudents: Seeded[] = [
  { name: `${tag} Alice`, status: "active", progress: 80, lastActivity: ago(1 * day), enrolled: ago(10 * day) },
  { name: `${tag} Bob`, status: "active", progress: 60, lastActivity: ago(7 * day), enrolled: ago(20 * day) },
  { name: `${tag} Carol`, status: "active", progress: 20, lastActivity: ago(2 * day), enrolled: ago(30 * day) },
  { name: `${tag} Dan`, status: "active", progress: 50, lastActivity: ago(7 * day - 1), enrolled: ago(5 * day) },
  { name: `-${tag} Gina`, status: "active", progress: 25, lastActivity: ago(3 * day), enrolled: ago(3 * day) },
  { name: `=${tag} Eve`, status: "completed", progress: 100, lastActivity: ago(30 * day), enrolled: ago(60 * day) },
  { name: `+${tag} Frank`, status: "dropped", progress: 10, lastActivity: ago(20 * day), enrolled: ago(40 * day) },
  { name: `@${tag} Hank`, status: "suspended", progress: 0, lastActivity: ago(9 * day), enrolled: ago(1 * day) },
];

let admin: Actor;
let teacher1: Actor;
let teacher2: Actor;
let student: Actor;
let courseA: CourseFixture;
let courseB: CourseFixture;
let bulk: CourseFixture;
const userIdOf = new Map<string, string>();

async function insertStudents(names: string[]) {
  return testDb()
    .insert(users)
    .values(
      names.map((name, index) => ({
        email: `${tag}_${index}_${Math.random().toString(36).slice(2, 8)}@test.example`,
        username: `u_${tag}_${index}_${Math.random().toString(36).slice(2, 8)}`,
        displayName: name,
        role: "student" as const,
        passwordHash: "not-a-real-hash",
      })),
    )
    .returning({ id: users.id, displayName: users.displayName });
}

async function seedBulk(course: CourseFixture, count: number, prefix: string) {
  const rows = await insertStudents(Array.from({ length: count }, (_, index) => `${tag} ${prefix} ${String(index).padStart(3, "0")}`));
  await testDb()
    .insert(enrollments)
    .values(
      rows.map((row, index) => ({
        userId: row.id,
        courseId: course.id,
        // Repeated progress values, so ties are broken by the enrolment id.
        progressPercent: (index * 7) % 101,
        lastActivityAt: ago((index % 12) * day + index * 1000),
        enrolledAt: ago((index % 30) * day),
      })),
    );
}

beforeAll(async () => {
  admin = await createActor("admin");
  teacher1 = await createActor("teacher");
  teacher2 = await createActor("teacher");
  student = await createActor("student");
  courseA = await createCourse(teacher1.id, { modules: 2, lessonsPerModule: 2 });
  courseB = await createCourse(teacher2.id, { modules: 1, lessonsPerModule: 1 });
  bulk = await createCourse(teacher1.id, { modules: 1, lessonsPerModule: 1 });
  await testDb().update(courses).set({ title: `${tag} Mechanics`, subject: "physics" }).where(eq(courses.id, courseA.id));
  await testDb().update(courses).set({ title: `${tag} Algebra`, subject: "mathematics" }).where(eq(courses.id, courseB.id));

  const inserted = await insertStudents(courseAStudents.map((seeded) => seeded.name));
  inserted.forEach((row) => userIdOf.set(row.displayName!, row.id));
  await testDb()
    .insert(enrollments)
    .values(
      courseAStudents.map((seeded) => ({
        userId: userIdOf.get(seeded.name)!,
        courseId: courseA.id,
        status: seeded.status,
        progressPercent: seeded.progress,
        lastActivityAt: seeded.lastActivity,
        enrolledAt: seeded.enrolled,
        completedAt: seeded.status === "completed" ? seeded.lastActivity : null,
      })),
    );
  const alice = userIdOf.get(`${tag} Alice`)!;
  const bob = userIdOf.get(`${tag} Bob`)!;
  // Alice is in course B too (teacher 2), quiet for 40 days there.
  await testDb().insert(enrollments).values({ userId: alice, courseId: courseB.id, progressPercent: 0, lastActivityAt: ago(40 * day), enrolledAt: ago(50 * day) });

  // Alice did 3 of course A's 4 lessons (and one lesson of course B, which does not count in A); Bob 1.
  await testDb()
    .insert(lessonCompletions)
    .values([
      ...courseA.lessonIds.slice(0, 3).map((lessonId) => ({ userId: alice, lessonId })),
      { userId: alice, lessonId: courseB.lessonIds[0]! },
      { userId: bob, lessonId: courseA.lessonIds[0]! },
    ]);

  const [quiz, quiz2, assignment, draftAssignment, draftTask] = await testDb()
    .insert(learningTasks)
    .values([
      { courseId: courseA.id, type: "quiz" as const, title: "Quiz 1", status: "published" as const, maxPoints: 10, position: 0 },
      { courseId: courseA.id, type: "quiz" as const, title: "Quiz 2", status: "published" as const, maxPoints: 30, position: 1 },
      { courseId: courseA.id, type: "assignment" as const, title: "Essay", status: "published" as const, maxPoints: 20, position: 2 },
      { courseId: courseA.id, type: "assignment" as const, title: "Lab report", status: "published" as const, maxPoints: 20, position: 3 },
      { courseId: courseA.id, type: "assignment" as const, title: "Unpublished", status: "draft" as const, maxPoints: 20, position: 4 },
    ])
    .returning({ id: learningTasks.id });
  await testDb()
    .insert(taskProgress)
    .values([
      // Alice: quizzes 8/10 and 24/30 → 32/40 = 80 %; essay released 15/20 → 75 %.
      { userId: alice, taskId: quiz!.id, status: "graded" as const, pointsEarned: 8, completedAt: now },
      { userId: alice, taskId: quiz2!.id, status: "graded" as const, pointsEarned: 24, completedAt: now },
      { userId: alice, taskId: assignment!.id, status: "graded" as const, pointsEarned: 15, completedAt: now },
      // A draft grade never reaches graded task progress: the hand-in stays submitted.
      { userId: alice, taskId: draftAssignment!.id, status: "submitted" as const, pointsEarned: 19 },
      // A task that is not published does not count.
      { userId: alice, taskId: draftTask!.id, status: "graded" as const, pointsEarned: 0, completedAt: now },
      // Bob: quiz 5/10 → 50 %, no assignment grade.
      { userId: bob, taskId: quiz!.id, status: "graded" as const, pointsEarned: 5, completedAt: now },
    ]);

  await seedBulk(bulk, 60, "Bulk");
});

const load = (actor: Actor, scope: ReportScope, q: EnrollmentReportQuery = query()) => loadEnrollmentReport(testDb(), actor, scope, q, { now });
const courseScope = (course: CourseFixture): ReportScope => ({ kind: "course", courseId: course.id });
const names = (rows: EnrollmentReportRow[]) => rows.map((row) => row.studentName);

describe("who may read the report", () => {
  it("lets a course's teacher and an admin read it, and nobody else", async () => {
    expect((await load(teacher1, courseScope(courseA)))?.total).toBe(8);
    expect((await load(admin, courseScope(courseA)))?.total).toBe(8);
    expect(await load(teacher2, courseScope(courseA))).toBeNull();
    expect(await load(student, courseScope(courseA))).toBeNull();
    expect(await load(teacher1, { kind: "course", courseId: "not-a-uuid" })).toBeNull();
    expect(await load(teacher1, { kind: "course", courseId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await loadCourseProgressSummary(testDb(), teacher2, courseA.id, { now })).toBeNull();
    expect(await loadCourseProgressSummary(testDb(), student, courseA.id, { now })).toBeNull();
  });

  it("keeps the site report to admins", async () => {
    expect(await load(teacher1, { kind: "site" })).toBeNull();
    expect(await load(student, { kind: "site" })).toBeNull();
    const site = await load(admin, { kind: "site" }, query({ q: tag }));
    expect(site?.total).toBe(8 + 1 + 60);
  });

  it("refuses a CSV export the same way", async () => {
    expect(await exportEnrollmentCsv(testDb(), teacher2, courseScope(courseA), { filters: { q: "" }, sort: "student", dir: "asc" })).toBeNull();
    expect(await exportEnrollmentCsv(testDb(), student, { kind: "site" }, { filters: { q: "" }, sort: "student", dir: "asc" })).toBeNull();
    expect(await exportEnrollmentCsv(testDb(), teacher1, { kind: "site" }, { filters: { q: "" }, sort: "student", dir: "asc" })).toBeNull();
  });
});

describe("the columns", () => {
  it("counts lessons of the course and averages released grades of published tasks only", async () => {
    const report = await load(teacher1, courseScope(courseA), query({ q: "alice" }));
    expect(report?.rows).toHaveLength(1);
    const alice = report!.rows[0]!;
    expect(alice).toMatchObject({
      lessonsDone: 3,
      lessonsTotal: 4,
      quizAverage: 80,
      assignmentAverage: 75,
      courseTitle: `${tag} Mechanics`,
      subject: "physics",
      status: "active",
      progressPercent: 80,
      courseMedian: 50,
    });
    const bob = (await load(teacher1, courseScope(courseA), query({ q: "bob" })))!.rows[0]!;
    expect(bob).toMatchObject({ lessonsDone: 1, quizAverage: 50, assignmentAverage: null });
    const carol = (await load(teacher1, courseScope(courseA), query({ q: "carol" })))!.rows[0]!;
    expect(carol).toMatchObject({ lessonsDone: 0, quizAverage: null, assignmentAverage: null });
  });

  it("gives the same numbers on a sort that computes them before paging", async () => {
    const byQuiz = await load(teacher1, courseScope(courseA), query({ sort: "quiz", dir: "desc" }));
    const alice = byQuiz!.rows.find((row) => row.studentName === `${tag} Alice`)!;
    expect(alice).toMatchObject({ lessonsDone: 3, lessonsTotal: 4, quizAverage: 80, assignmentAverage: 75, courseMedian: 50 });
  });
});

describe("filters", () => {
  const scope = () => courseScope(courseA);

  it("searches the student's name and email", async () => {
    expect(names((await load(teacher1, scope(), query({ q: "carol" })))!.rows)).toEqual([`${tag} Carol`]);
    expect((await load(teacher1, scope(), query({ q: "%" })))!.total).toBe(0);
  });

  it("filters by status, progress range (either way round) and enrolment dates", async () => {
    expect(names((await load(teacher1, scope(), query({ status: "completed" })))!.rows)).toEqual([`=${tag} Eve`]);
    const range = await load(teacher1, scope(), query({ progressMin: "20", progressMax: "60", sort: "progress" }));
    expect(range!.rows.map((row) => row.progressPercent)).toEqual([20, 25, 50, 60]);
    const swapped = await load(teacher1, scope(), query({ progressMin: "60", progressMax: "20", sort: "progress" }));
    expect(swapped!.rows.map((row) => row.progressPercent)).toEqual([20, 25, 50, 60]);
    const day10 = ago(10 * day).toISOString().slice(0, 10);
    const day3 = ago(3 * day).toISOString().slice(0, 10);
    const dates = await load(teacher1, scope(), query({ enrolledFrom: day10, enrolledTo: day3, sort: "enrolled", dir: "asc" }));
    expect(names(dates!.rows)).toEqual([`${tag} Alice`, `${tag} Dan`, `-${tag} Gina`]);
  });

  it("filters the site by course, teacher and subject", async () => {
    const byCourse = await load(admin, { kind: "site" }, query({ courseId: courseB.id }));
    expect(names(byCourse!.rows)).toEqual([`${tag} Alice`]);
    expect(byCourse!.rows[0]).toMatchObject({ courseTitle: `${tag} Algebra`, subject: "mathematics", lessonsDone: 1, lessonsTotal: 1 });
    expect((await load(admin, { kind: "site" }, query({ q: tag, teacherId: teacher2.id })))!.total).toBe(1);
    expect((await load(admin, { kind: "site" }, query({ q: tag, teacherId: teacher1.id })))!.total).toBe(68);
    expect((await load(admin, { kind: "site" }, query({ q: tag, subject: "Mathematics" })))!.total).toBe(1);
    // A teacher's course scope ignores a courseId filter pointing elsewhere: nothing leaks.
    expect((await load(teacher1, courseScope(courseA), query({ courseId: courseB.id })))!.total).toBe(0);
  });
});

describe("at risk", () => {
  it("flags the quiet and the far-behind active students, with reasons", async () => {
    const report = await load(teacher1, courseScope(courseA), query({ atRisk: "1" }));
    expect(names(report!.rows)).toEqual([`${tag} Bob`, `${tag} Carol`]);
    expect(report!.total).toBe(2);
    expect(report!.rows[0]!.atRisk).toEqual({ inactiveDays: 7, pointsBehind: null });
    expect(report!.rows[1]!.atRisk).toEqual({ inactiveDays: null, pointsBehind: 30 });
    const summary = await loadCourseProgressSummary(testDb(), teacher1, courseA.id, { now });
    expect(summary).toMatchObject({ students: 8, active: 5, medianProgress: 50, atRisk: 2, course: { title: `${tag} Mechanics` } });
  });

  it("agrees with the pure rule on every row, at every sort that filters it", async () => {
    for (const course of [courseA, courseB, bulk]) {
      const all = await load(admin, courseScope(course), query({ sort: "student" }));
      const everyRow: EnrollmentReportRow[] = [];
      for (let page = 1; page <= all!.pageCount; page++) everyRow.push(...(await load(admin, courseScope(course), query({ page: String(page) })))!.rows);
      const median = medianOf(everyRow.filter((row) => row.status === "active").map((row) => row.progressPercent));
      const expected = everyRow
        .filter((row) => isAtRisk(atRiskFlags({ ...row, courseMedian: median }, now)))
        .map((row) => row.enrollmentId)
        .sort();
      for (const row of everyRow) expect(row.courseMedian).toBe(median);
      const flagged: string[] = [];
      for (let page = 1; ; page++) {
        const risky = await load(admin, courseScope(course), query({ atRisk: "1", sort: "progress", page: String(page) }));
        flagged.push(...risky!.rows.map((row) => row.enrollmentId));
        expect(risky!.rows.every((row) => isAtRisk(row.atRisk))).toBe(true);
        if (page >= risky!.pageCount) break;
      }
      expect(flagged.sort()).toEqual(expected);
      const summary = await loadCourseProgressSummary(testDb(), admin, course.id, { now });
      expect(summary!.atRisk).toBe(expected.length);
    }
  });
});

// What each sort key orders by, as the row shows it.
const sortValue: Record<ReportSort, (row: EnrollmentReportRow) => string | number | null> = {
  student: (row) => row.studentName,
  course: (row) => row.courseTitle,
  status: (row) => ["active", "completed", "dropped", "suspended"].indexOf(row.status),
  progress: (row) => row.progressPercent,
  lessons: (row) => row.lessonsDone,
  quiz: (row) => row.quizAverage,
  assignment: (row) => row.assignmentAverage,
  lastActivity: (row) => row.lastActivityAt.getTime(),
  enrolled: (row) => row.enrolledAt.getTime(),
};

describe("sorting and paging", () => {
  it("orders by every key both ways, missing values last, ties by enrolment id", async () => {
    for (const scope of [courseScope(courseA), { kind: "site" } as ReportScope]) {
      for (const sort of reportSorts) {
        for (const dir of ["asc", "desc"] as const) {
          const report = await load(admin, scope, query({ q: tag, sort, dir }));
          const rows = report!.rows;
          for (let index = 1; index < rows.length; index++) {
            const a = sortValue[sort](rows[index - 1]!);
            const b = sortValue[sort](rows[index]!);
            if (a === null) expect(b).toBeNull();
            if (a === null || b === null) continue;
            const ordered = typeof a === "string" ? 0 : dir === "asc" ? (a as number) - (b as number) : (b as number) - (a as number);
            if (typeof a !== "string") expect(ordered, `${sort} ${dir} at ${index}`).toBeLessThanOrEqual(0);
            if (a === b) expect(rows[index - 1]!.enrollmentId < rows[index]!.enrollmentId).toBe(true);
          }
        }
      }
    }
  });

  it("sorts names in the database's order, both ways", async () => {
    const asc = names((await load(teacher1, courseScope(bulk), query({ sort: "student", dir: "asc" })))!.rows);
    const desc = names((await load(teacher1, courseScope(bulk), query({ sort: "student", dir: "desc" })))!.rows);
    expect(asc[0]).toBe(`${tag} Bulk 000`);
    expect(desc[0]).toBe(`${tag} Bulk 059`);
  });

  it("pages through every row once, at every sort", async () => {
    for (const sort of reportSorts) {
      const seen: string[] = [];
      const first = await load(teacher1, courseScope(bulk), query({ sort }));
      expect(first).toMatchObject({ total: 60, pageCount: 3, page: 1 });
      for (let page = 1; page <= 3; page++) {
        const report = await load(teacher1, courseScope(bulk), query({ sort, page: String(page) }));
        expect(report!.rows).toHaveLength(page < 3 ? 25 : 10);
        seen.push(...report!.rows.map((row) => row.enrollmentId));
      }
      expect(new Set(seen).size).toBe(60);
    }
    const beyond = await load(teacher1, courseScope(bulk), query({ page: "9" }));
    expect(beyond).toMatchObject({ rows: [], total: 60, page: 9 });
  });
});

describe("CSV", () => {
  const collect = async (lines: AsyncGenerator<string>) => {
    const out: string[] = [];
    for await (const line of lines) out.push(line);
    return out;
  };

  it("neutralises formula cells and records the export in the audit log", async () => {
    const lines = await exportEnrollmentCsv(testDb(), teacher1, courseScope(courseA), { filters: { q: "" }, sort: "student", dir: "asc" }, { now });
    const text = (await collect(lines!)).join("");
    expect(text.startsWith("\uFEFFStudent,Email,Enrolment,Progress %")).toBe(true);
    expect(text).toContain(`'=${tag} Eve`);
    expect(text).toContain(`'+${tag} Frank`);
    expect(text).toContain(`'-${tag} Gina`);
    expect(text).toContain(`'@${tag} Hank`);
    expect(text).toContain("No activity for 7 days");
    expect(text).toContain("30 points below the course median");
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(1 + 8);
    const [entry] = await testDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "report.exported"), eq(auditLog.actorId, teacher1.id)));
    expect(entry).toMatchObject({ entityType: "course", entityId: courseA.id, after: { scope: "course", sort: "student" } });
  });

  it("holds every filtered row across batch boundaries, in the report's order", async () => {
    const filters = { q: tag, progressMin: 10 };
    const lines = await collect(
      enrollmentCsvLines(testDb(), { kind: "site" }, { filters, sort: "progress", dir: "desc" }, { now, batchSize: 7 }),
    );
    const [count] = await testDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .where(and(sql`${users.displayName} ILIKE ${`%${tag}%`}`, sql`${enrollments.progressPercent} >= 10`));
    expect(lines[0]!.startsWith("\uFEFFStudent,Email,Course,Teacher,Subject,Enrolment")).toBe(true);
    expect(lines).toHaveLength(1 + count!.n);
    const progress = lines.slice(1).map((line) => Number(line.split(",")[6]));
    expect([...progress].sort((a, b) => b - a)).toEqual(progress);
    expect(new Set(lines.slice(1)).size).toBe(count!.n);
  });

  it("lists exactly the report's rows in its order, for sorts computed before the page and the at-risk filter, in one statement plus one per batch", async () => {
    // Averages missing for some rows sort last both ways: the keyset must carry them across batches.
    const variants: Record<string, string>[] = [
      { sort: "quiz", dir: "desc" },
      { sort: "quiz", dir: "asc" },
      { sort: "assignment" },
      { sort: "student" },
      { sort: "enrolled" },
      { sort: "status", dir: "desc" },
      { atRisk: "1", sort: "lastActivity" },
    ];
    for (const params of variants) {
      const reportQuery = query({ ...params, q: tag });
      const pages: EnrollmentReportRow[] = [];
      for (let page = 1; ; page++) {
        const report = await load(admin, { kind: "site" }, { ...reportQuery, page });
        pages.push(...report!.rows);
        if (page >= report!.pageCount) break;
      }
      const counted = await countQueries(() =>
        collect(enrollmentCsvLines(testDb(), { kind: "site" }, { filters: reportQuery.filters, sort: reportQuery.sort, dir: reportQuery.dir }, { now, batchSize: 4 })),
      );
      expect(pages.length).toBeGreaterThan(0);
      expect(counted.result.slice(1).map((line) => line.split(",")[1])).toEqual(pages.map((row) => row.studentEmail));
      // The medians once, then each batch resumes after the last row of the one before; the batch that comes back short ends it.
      expect(counted.count).toBe(1 + Math.floor(pages.length / 4) + 1);
    }
  });
});

describe("statements", () => {
  it("runs a fixed number whatever the size, for both scopes and every option", async () => {
    const small = await createCourse(teacher1.id, { modules: 1, lessonsPerModule: 1 });
    const large = await createCourse(teacher1.id, { modules: 1, lessonsPerModule: 1 });
    await seedBulk(small, 3, "Small");
    await seedBulk(large, 120, "Large");
    const variants: Record<string, string>[] = [{}, { sort: "quiz" }, { atRisk: "1", q: "large" }, { page: "2", sort: "lastActivity" }];
    for (const params of variants) {
      for (const course of [small, large]) {
        const counted = await countQueries(() => load(teacher1, courseScope(course), query(params)));
        expect(counted.result).not.toBeNull();
        expect(counted.count).toBe(3);
        const site = await countQueries(() => load(admin, { kind: "site" }, query({ ...params, courseId: course.id })));
        expect(site.count).toBe(2);
      }
    }
    const summary = await countQueries(() => loadCourseProgressSummary(testDb(), teacher1, large.id, { now }));
    expect(summary.count).toBe(2);
  });
});
