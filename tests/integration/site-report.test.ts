import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { courses, enrollments, learningTasks, taskProgress, users } from "@/db/schema";
import type { EnrollmentStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import { exportEnrollmentCsv } from "@/lib/reports/enrollment-csv";
import { loadEnrollmentReport } from "@/lib/reports/enrollment-report";
import { parseReportQuery } from "@/lib/reports/report-params";
import { chartWeeks, loadSiteCharts } from "@/lib/reports/site-charts";
import { loadSiteFilterOptions } from "@/lib/reports/site-filter-options";
import { loadSiteSummary } from "@/lib/reports/site-summary";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, type CourseFixture } from "./learning-fixtures";

// The admin's site report on seeded data: who may read it, every filter (the
// tiles and charts must select the same enrolments as the table), the tiles,
// the three charts, the CSV, and a fixed number of statements for the whole
// page at two data sizes.

// A Monday, noon UTC: the chart's last week starts today.
const now = new Date("2026-06-15T12:00:00.000Z");
const day = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(now.getTime() - days * day);
const tag = `site${process.pid}${Math.random().toString(36).slice(2, 6)}`;

let admin: Actor;
let teacher1: Actor;
let teacher2: Actor;
let student: Actor;
let physics: CourseFixture;
let maths: CourseFixture;
const idOf = new Map<string, string>();

interface Seeded {
  student: string;
  course: () => CourseFixture;
  status: EnrollmentStatus;
  progress: number;
  enrolledDaysAgo: number;
  quietDays: number;
}

// Physics (teacher 1): active progress 80 and 60 (median 70, nobody far behind); Bob quiet 8 days (at risk).
// Maths (teacher 2): active 20 and 50 (median 35; Alice 15 below, not behind); Finn enrolled outside the chart's 26 weeks.
const seeded: Seeded[] = [
  { student: "Alice", course: () => physics, status: "active", progress: 80, enrolledDaysAgo: 1, quietDays: 1 },
  { student: "Bob", course: () => physics, status: "active", progress: 60, enrolledDaysAgo: 10, quietDays: 8 },
  { student: "Carol", course: () => physics, status: "completed", progress: 100, enrolledDaysAgo: 20, quietDays: 2 },
  { student: "Dan", course: () => physics, status: "dropped", progress: 0, enrolledDaysAgo: 40, quietDays: 30 },
  { student: "Alice", course: () => maths, status: "active", progress: 20, enrolledDaysAgo: 3, quietDays: 1 },
  { student: "Erin", course: () => maths, status: "completed", progress: 100, enrolledDaysAgo: 100, quietDays: 50 },
  { student: "Finn", course: () => maths, status: "active", progress: 50, enrolledDaysAgo: 200, quietDays: 2 },
];

const q = (params: Record<string, string> = {}) => parseReportQuery(params);

/** The whole page's loaders, as the page runs them. */
const loadPage = (actor: Actor, params: Record<string, string> = {}) => {
  const query = q(params);
  return Promise.all([
    loadEnrollmentReport(testDb(), actor, { kind: "site" }, query, { now }),
    loadSiteFilterOptions(testDb(), actor),
    loadSiteSummary(testDb(), actor, query.filters, { now }),
    loadSiteCharts(testDb(), actor, query.filters, { now }),
  ]);
};

beforeAll(async () => {
  admin = await createActor("admin");
  teacher1 = await createActor("teacher");
  teacher2 = await createActor("teacher");
  student = await createActor("student");
  physics = await createCourse(teacher1.id, { modules: 1, lessonsPerModule: 2 });
  maths = await createCourse(teacher2.id, { modules: 1, lessonsPerModule: 2 });
  // A draft course: no enrolments, so not an active course; still a select option.
  const draft = await createCourse(teacher1.id, { status: "draft", modules: 1, lessonsPerModule: 1 });
  await testDb().update(courses).set({ title: `${tag} Mechanics`, subject: "physics" }).where(eq(courses.id, physics.id));
  await testDb().update(courses).set({ title: `${tag} Algebra`, subject: "mathematics" }).where(eq(courses.id, maths.id));
  await testDb().update(courses).set({ title: `${tag} Draft`, subject: "Chemistry" }).where(eq(courses.id, draft.id));

  const names = [...new Set(seeded.map((row) => row.student))];
  const inserted = await testDb()
    .insert(users)
    .values(
      names.map((name) => ({
        email: `${name.toLowerCase()}_${tag}@test.example`,
        username: `${name.toLowerCase()}_${tag}`,
        displayName: `${tag} ${name}`,
        role: "student" as const,
        passwordHash: "not-a-real-hash",
      })),
    )
    .returning({ id: users.id, username: users.username });
  names.forEach((name, index) => idOf.set(name, inserted[index]!.id));
  await testDb()
    .insert(enrollments)
    .values(
      seeded.map((row) => ({
        userId: idOf.get(row.student)!,
        courseId: row.course().id,
        status: row.status,
        progressPercent: row.progress,
        enrolledAt: ago(row.enrolledDaysAgo),
        lastActivityAt: ago(row.quietDays),
        completedAt: row.status === "completed" ? ago(row.quietDays) : null,
      })),
    );

  // Physics quiz: Alice 8/10, Bob 5/10 → 65 %. A draft quiz Carol scored 0 on does not count.
  // Maths quiz: Erin 9/10 → 90 %.
  const [physicsQuiz, draftQuiz, mathsQuiz] = await testDb()
    .insert(learningTasks)
    .values([
      { courseId: physics.id, type: "quiz" as const, title: "Quiz", status: "published" as const, maxPoints: 10 },
      { courseId: physics.id, type: "quiz" as const, title: "Draft quiz", status: "draft" as const, maxPoints: 10 },
      { courseId: maths.id, type: "quiz" as const, title: "Quiz", status: "published" as const, maxPoints: 10 },
    ])
    .returning({ id: learningTasks.id });
  await testDb()
    .insert(taskProgress)
    .values([
      { userId: idOf.get("Alice")!, taskId: physicsQuiz!.id, status: "graded" as const, pointsEarned: 8, completedAt: now },
      { userId: idOf.get("Bob")!, taskId: physicsQuiz!.id, status: "graded" as const, pointsEarned: 5, completedAt: now },
      { userId: idOf.get("Carol")!, taskId: draftQuiz!.id, status: "graded" as const, pointsEarned: 0, completedAt: now },
      { userId: idOf.get("Erin")!, taskId: mathsQuiz!.id, status: "graded" as const, pointsEarned: 9, completedAt: now },
    ]);
});

describe("site report access", () => {
  it("gives students and teachers nothing from any loader, and the CSV export nothing", async () => {
    for (const actor of [student, teacher1]) {
      const [report, options, summary, charts] = await loadPage(actor);
      expect(report).toBeNull();
      expect(options).toBeNull();
      expect(summary).toBeNull();
      expect(charts).toBeNull();
      expect(await exportEnrollmentCsv(testDb(), actor, { kind: "site" }, { filters: { q: "" }, sort: "student", dir: "asc" })).toBeNull();
    }
  });
});

describe("site report filters", () => {
  const cases: [string, () => Record<string, string>, number][] = [
    ["no filter", () => ({}), 7],
    ["course", () => ({ courseId: physics.id }), 4],
    ["teacher", () => ({ teacherId: teacher2.id }), 3],
    ["subject (any case)", () => ({ subject: "Physics" }), 4],
    ["status", () => ({ status: "completed" }), 2],
    ["progress range (both ends inclusive)", () => ({ progressMin: "50", progressMax: "80" }), 3],
    ["progress from only", () => ({ progressMin: "100" }), 2],
    ["enrolment date range (whole UTC days, inclusive)", () => ({ enrolledFrom: "2026-06-12", enrolledTo: "2026-06-14" }), 2],
    ["enrolled to only", () => ({ enrolledTo: "2026-05-01" }), 2],
    ["student search", () => ({ q: "alice" }), 2],
    ["at risk", () => ({ atRisk: "1" }), 1],
    ["subject and status together", () => ({ subject: "physics", status: "active" }), 2],
  ];

  it.each(cases)("%s: the table, the tiles and the charts select the same enrolments", async (_name, params, expected) => {
    const [report, , summary, charts] = await loadPage(admin, params());
    expect(report!.total).toBe(expected);
    expect(summary!.enrollments).toBe(expected);
    expect(charts!.courses.reduce((sum, course) => sum + course.enrolled, 0)).toBe(expected);
  });

  it("shows the rows the filters select", async () => {
    const [report] = await loadPage(admin, { subject: "physics", status: "active" });
    expect(report!.rows.map((row) => row.studentName).sort()).toEqual([`${tag} Alice`, `${tag} Bob`]);
    expect(report!.rows.every((row) => row.subject === "physics" && row.status === "active")).toBe(true);
    const [atRisk] = await loadPage(admin, { atRisk: "1" });
    expect(atRisk!.rows.map((row) => row.studentName)).toEqual([`${tag} Bob`]);
  });
});

describe("site report tiles", () => {
  it("counts people and active courses site-wide and enrolments as filtered", async () => {
    const [, , summary] = await loadPage(admin);
    // Active accounts: the student actor and six seeded students; two teachers; one admin.
    expect(summary).toEqual({ students: 7, teachers: 2, admins: 1, activeCourses: 2, enrollments: 7, completed: 2, completionRate: 28.6 });
    const [, , filtered] = await loadPage(admin, { courseId: physics.id });
    expect(filtered).toMatchObject({ students: 7, teachers: 2, admins: 1, activeCourses: 2, enrollments: 4, completed: 1, completionRate: 25 });
    const [, , none] = await loadPage(admin, { q: "nobody-matches-this" });
    expect(none).toMatchObject({ enrollments: 0, completed: 0, completionRate: null });
  });

  it("offers every course, every teacher of a course and every subject", async () => {
    const [, options] = await loadPage(admin);
    expect(options!.courses.map((course) => course.label)).toEqual([`${tag} Algebra`, `${tag} Draft`, `${tag} Mechanics`]);
    expect(options!.teachers.map((teacher) => teacher.value).sort()).toEqual([teacher1.id, teacher2.id].sort());
    expect(options!.subjects.map((subject) => subject.value)).toEqual(["chemistry", "mathematics", "physics"]);
  });
});

describe("site report charts", () => {
  it("counts enrolments per week over 26 zero-filled weeks ending this week", async () => {
    const [, , , charts] = await loadPage(admin);
    const weekly = charts!.weekly;
    expect(weekly).toHaveLength(chartWeeks);
    expect(weekly.at(-1)).toEqual({ week: "2026-06-15", enrollments: 0 });
    expect(weekly[0]!.week).toBe("2025-12-22");
    // Alice's two enrolments (Fri 12 and Sun 14 June) fall in the week of Monday 8 June.
    expect(weekly.find((week) => week.week === "2026-06-08")!.enrollments).toBe(2);
    // Finn enrolled 200 days ago, before the window.
    expect(weekly.reduce((sum, week) => sum + week.enrollments, 0)).toBe(6);
  });

  it("narrows the weeks to the enrolment date range", async () => {
    const [, , , from] = await loadPage(admin, { enrolledFrom: "2026-06-03" });
    expect(from!.weekly.map((week) => week.week)).toEqual(["2026-06-01", "2026-06-08", "2026-06-15"]);
    const [, , , to] = await loadPage(admin, { enrolledTo: "2026-03-01" });
    expect(to!.weekly.at(-1)!.week).toBe("2026-02-23");
    expect(to!.weekly).toHaveLength(chartWeeks);
  });

  it("shows each course's funnel and quiz average (published quizzes, graded only), biggest course first", async () => {
    const [, , , charts] = await loadPage(admin);
    expect(charts!.courses).toEqual([
      { courseId: physics.id, title: `${tag} Mechanics`, enrolled: 4, started: 3, halfway: 3, completed: 1, quizAverage: 65 },
      { courseId: maths.id, title: `${tag} Algebra`, enrolled: 3, started: 3, halfway: 2, completed: 1, quizAverage: 90 },
    ]);
    // Filtered to Bob alone: the physics average is his 5/10.
    const [, , , bob] = await loadPage(admin, { q: "bob" });
    expect(bob!.courses).toEqual([{ courseId: physics.id, title: `${tag} Mechanics`, enrolled: 1, started: 1, halfway: 1, completed: 0, quizAverage: 50 }]);
  });
});

describe("site report CSV", () => {
  it("exports the filtered enrolments with course, teacher and subject columns", async () => {
    const lines = await exportEnrollmentCsv(testDb(), admin, { kind: "site" }, { filters: q({ subject: "physics" }).filters, sort: "student", dir: "asc" });
    const text: string[] = [];
    for await (const line of lines!) text.push(line);
    expect(text[0]).toContain("Student,Email,Course,Teacher,Subject,Enrolment");
    expect(text).toHaveLength(5);
    expect(text.slice(1).every((line) => line.includes(`${tag} Mechanics`) && line.includes(",physics,"))).toBe(true);
  });
});

describe("site report statement budget", () => {
  const statementsOf = async (params: Record<string, string>) => (await countQueries(() => loadPage(admin, params))).count;
  const views: Record<string, string>[] = [{}, { subject: "physics", status: "active", progressMin: "10", enrolledFrom: "2026-01-01" }, { atRisk: "1", sort: "quiz" }];

  it("runs five statements for the whole page, whatever the filters or the size of the site", async () => {
    const small = await Promise.all(views.map(statementsOf));
    expect(small).toEqual([5, 5, 5]);

    // Ten times the enrolments, in a third course with its own teacher.
    const teacher3 = await createActor("teacher");
    const big = await createCourse(teacher3.id, { modules: 1, lessonsPerModule: 1 });
    const students = await testDb()
      .insert(users)
      .values(Array.from({ length: 70 }, (_, index) => ({ email: `bulk${index}_${tag}@test.example`, username: `bulk${index}_${tag}`, role: "student" as const, passwordHash: "x" })))
      .returning({ id: users.id });
    await testDb()
      .insert(enrollments)
      .values(students.map((row, index) => ({ userId: row.id, courseId: big.id, progressPercent: index, enrolledAt: ago(index), lastActivityAt: ago(index % 10) })));
    const [report] = await loadPage(admin);
    expect(report!.total).toBe(77);
    expect(await Promise.all(views.map(statementsOf))).toEqual(small);
  });
});
