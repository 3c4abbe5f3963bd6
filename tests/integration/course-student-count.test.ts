import { and, count, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { courses, enrollments } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session-user";
import { enrollStudent } from "@/lib/enrollments/enroll-student";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { createUser, testDb } from "./helpers";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

// courses.student_count is kept by triggers on enrollments (drizzle/0020): these tests
// compare it with a count of the rows after every kind of change.
let teacher: CurrentUser;
let course: CourseFixture;
let other: CourseFixture;

beforeAll(async () => {
  teacher = await createActor("teacher");
  course = await createCourse(teacher.id);
  other = await createCourse(teacher.id);
});

async function stored(courseId: string) {
  const [row] = await testDb().select({ n: courses.studentCount }).from(courses).where(eq(courses.id, courseId));
  return row!.n;
}

async function counted(courseId: string) {
  const [row] = await testDb()
    .select({ n: count() })
    .from(enrollments)
    .where(and(eq(enrollments.courseId, courseId), inArray(enrollments.status, ["active", "completed"])));
  return row!.n;
}

describe("courses.student_count", () => {
  it("follows inserts, status changes, moves and deletes", async () => {
    const a = await createUser();
    const b = await createUser();
    const c = await createUser();
    expect(await stored(course.id)).toBe(0);

    await insertEnrollment(a.id, course.id);
    await insertEnrollment(b.id, course.id, "completed");
    await insertEnrollment(c.id, course.id, "dropped");
    expect(await stored(course.id)).toBe(2);

    const setStatus = (userId: string, status: "active" | "completed" | "dropped" | "suspended") =>
      testDb()
        .update(enrollments)
        .set({ status, completedAt: status === "completed" ? new Date() : null })
        .where(eq(enrollments.userId, userId));
    await setStatus(a.id, "suspended");
    expect(await stored(course.id)).toBe(1);
    await setStatus(c.id, "active");
    expect(await stored(course.id)).toBe(2);
    // active to completed is still a student of the course
    await setStatus(c.id, "completed");
    expect(await stored(course.id)).toBe(2);

    await testDb().update(enrollments).set({ courseId: other.id }).where(eq(enrollments.userId, b.id));
    expect([await stored(course.id), await stored(other.id)]).toEqual([1, 1]);

    await testDb().delete(enrollments).where(eq(enrollments.userId, c.id));
    expect(await stored(course.id)).toBe(0);
    expect(await stored(course.id)).toBe(await counted(course.id));
    expect(await stored(other.id)).toBe(await counted(other.id));
  });

  it("counts an enrolment made through the domain function, and not a refused one", async () => {
    const fresh = await createCourse(teacher.id);
    const student = await createActor("student");
    await testDb().transaction((tx) => enrollStudent(tx, student, { courseId: fresh.id }));
    expect(await stored(fresh.id)).toBe(1);
    // enrolling twice changes nothing
    await testDb()
      .transaction((tx) => enrollStudent(tx, student, { courseId: fresh.id }))
      .catch(() => undefined);
    expect(await stored(fresh.id)).toBe(1);
    // a rolled-back enrolment leaves no trace in the count
    const later = await createActor("student");
    await testDb()
      .transaction(async (tx) => {
        await enrollStudent(tx, later, { courseId: fresh.id });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await stored(fresh.id)).toBe(1);
  });

  it("recount_course_students() mends a count that bulk loads left wrong", async () => {
    const fresh = await createCourse(teacher.id);
    const student = await createUser();
    await insertEnrollment(student.id, fresh.id);
    await testDb().update(courses).set({ studentCount: 40 }).where(eq(courses.id, fresh.id));
    await testDb().execute(sql`SELECT recount_course_students()`);
    expect(await stored(fresh.id)).toBe(1);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("stays exact when many students enrol in one course at once", async () => {
    const fresh = await createCourse(teacher.id);
    const students = await Promise.all(Array.from({ length: 24 }, () => createActor("student")));
    await Promise.all(students.map((s) => testDb().transaction((tx) => enrollStudent(tx, s, { courseId: fresh.id }))));
    expect(await counted(fresh.id)).toBe(24);
    expect(await stored(fresh.id)).toBe(24);
  });
});
