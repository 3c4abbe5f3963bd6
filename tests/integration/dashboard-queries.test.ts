import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { courses, enrollments, users } from "@/db/schema";
import { seedDemoData } from "@/lib/seed/seed";
import { getSiteCounts, listRecentAudit } from "@/lib/admin/queries";
import type { Actor } from "@/lib/auth/policy";
import { listFeaturedCourses, listTaughtCourses } from "@/lib/courses/queries";
import { listMyEnrollments } from "@/lib/enrollments/queries";
import { countQueries, testDb } from "./helpers";

// Every list the dashboards show is one SQL statement, however many rows it has.
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  await seedDemoData(testDb());
  for (const email of ["student@jeevi.example", "teacher@jeevi.example", "admin@jeevi.example"]) {
    const [row] = await testDb().select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
    actors[email.split("@")[0]!] = row!;
  }
});

describe("student dashboard", () => {
  it("lists only the student's own enrolments with progress and the next item, in three statements", async () => {
    const { result, count } = await countQueries(() => listMyEnrollments(testDb(), actors.student!));
    expect(count).toBe(3);
    expect(result.map((row) => row.slug).sort()).toEqual(["foundations-of-chemistry", "mechanics-motion-and-forces"]);
    const mechanics = result.find((row) => row.slug === "mechanics-motion-and-forces")!;
    expect(mechanics.progress).toEqual({ required: 6, completed: 3, percent: 50, isComplete: false });
    expect(mechanics.next).toMatchObject({ kind: "lesson", title: "The first law: inertia" });
    const chemistry = result.find((row) => row.slug === "foundations-of-chemistry")!;
    expect(chemistry.progress).toEqual({ required: 5, completed: 5, percent: 100, isComplete: true });
    expect(chemistry.status).toBe("completed");
    expect(chemistry.next).toBeNull();
    expect(chemistry.completedAt).toBeInstanceOf(Date);
  });

  it("leaves out dropped enrolments and courses turned back to draft", async () => {
    const [course] = await testDb().select().from(courses).where(eq(courses.slug, "mechanics-motion-and-forces"));
    await testDb().update(courses).set({ status: "draft" }).where(eq(courses.id, course!.id));
    const [chemistry] = await testDb().select().from(courses).where(eq(courses.slug, "foundations-of-chemistry"));
    await testDb()
      .update(enrollments)
      .set({ status: "dropped", completedAt: null })
      .where(and(eq(enrollments.courseId, chemistry!.id), eq(enrollments.userId, actors.student!.id)));
    expect(await listMyEnrollments(testDb(), actors.student!)).toEqual([]);
    await testDb().update(courses).set({ status: "published" }).where(eq(courses.id, course!.id));
  });
});

describe("teaching dashboard", () => {
  it("shows a teacher only its own courses, in one statement", async () => {
    const { result, count } = await countQueries(() => listTaughtCourses(testDb(), actors.teacher!));
    expect(count).toBe(1);
    expect(result.map((row) => row.slug).sort()).toEqual([
      "algebra-essentials",
      "mechanics-motion-and-forces",
      "thermodynamics",
    ]);
    expect(result.find((row) => row.slug === "mechanics-motion-and-forces")).toMatchObject({
      studentCount: 5,
      lessonCount: 6,
      teacherName: "Meera Kapoor",
      // The seed's Priya Nair: quiet for 12 days and far below the median.
      atRiskCount: 1,
    });
    expect(result.find((row) => row.slug === "algebra-essentials")!.atRiskCount).toBe(0);
    // A month on, every active enrolment is quiet (the fifth student has completed the course).
    const later = await listTaughtCourses(testDb(), actors.teacher!, new Date(Date.now() + 30 * 24 * 3600 * 1000));
    expect(later.find((row) => row.slug === "mechanics-motion-and-forces")!.atRiskCount).toBe(4);
  });

  it("shows an admin every course, and a student nothing", async () => {
    const { result, count } = await countQueries(() => listTaughtCourses(testDb(), actors.admin!));
    expect(count).toBe(1);
    expect(result).toHaveLength(6);
    expect(await listTaughtCourses(testDb(), actors.student!)).toEqual([]);
  });
});

describe("admin dashboard", () => {
  it("aggregates site counts in one statement, for admins only", async () => {
    const { result, count } = await countQueries(() => getSiteCounts(testDb(), actors.admin!));
    expect(count).toBe(1);
    expect(result).toMatchObject({ students: 12, teachers: 2, admins: 1, publishedCourses: 5, draftCourses: 1 });
    expect(await getSiteCounts(testDb(), actors.teacher!)).toBeNull();
  });

  it("counts anonymised accounts apart from deactivated ones", async () => {
    const [someone] = await testDb().select({ id: users.id }).from(users).where(eq(users.email, "student2@jeevi.example"));
    const before = (await getSiteCounts(testDb(), actors.admin!))!;
    await testDb().update(users).set({ isActive: false, anonymizedAt: new Date() }).where(eq(users.id, someone!.id));
    const after = (await getSiteCounts(testDb(), actors.admin!))!;
    expect(after.anonymisedUsers).toBe(before.anonymisedUsers + 1);
    expect(after.inactiveUsers).toBe(before.inactiveUsers);
    await testDb().update(users).set({ isActive: true, anonymizedAt: null }).where(eq(users.id, someone!.id));
  });

  it("lists audit entries in one statement, for admins only", async () => {
    const auditQuery = await countQueries(() => listRecentAudit(testDb(), actors.admin!));
    expect(auditQuery.count).toBe(1);
    expect(await listRecentAudit(testDb(), actors.teacher!)).toEqual([]);
  });
});

describe("home page", () => {
  it("features only published public courses, in one statement", async () => {
    const { result, count } = await countQueries(() => listFeaturedCourses(testDb()));
    expect(count).toBe(1);
    expect(result.map((row) => row.slug)).not.toContain("thermodynamics");
    expect(result.map((row) => row.slug)).not.toContain("calculus-study-group");
    expect(result[0]!.slug).toBe("mechanics-motion-and-forces");
  });
});
