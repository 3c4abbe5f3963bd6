import { eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { enrollments } from "@/db/schema";
import { testDb } from "../../helpers";
import { createCourse, insertEnrollment } from "../../learning-fixtures";
import { endpointCases } from "../matrix";
import type { ApiWorld } from "../world";

// My enrolments, enrol, drop, and a course's enrolments. Writes act on courses
// made for the case, so the shared world's enrolments stay as they are.

type Row = { id: string };

/** Every enrolment id of the answer belongs to `userId`. */
async function expectOnlyEnrollmentsOf(ids: string[], userId: string) {
  if (ids.length === 0) return;
  const owners = await testDb().select({ userId: enrollments.userId }).from(enrollments).where(inArray(enrollments.id, ids));
  expect(owners).toHaveLength(ids.length);
  expect(new Set(owners.map((row) => row.userId))).toEqual(new Set([userId]));
}

async function statusOf(enrollmentId: string) {
  const [row] = await testDb().select({ status: enrollments.status }).from(enrollments).where(eq(enrollments.id, enrollmentId));
  return row?.status;
}

/** A fresh published course of the world's teacher, in which `userId` is enrolled; its enrolment's id. */
async function freshEnrollmentOf(w: ApiWorld, userId: string) {
  const course = await createCourse(w.teacher.id, { modules: 1, lessonsPerModule: 1 });
  return (await insertEnrollment(userId, course.id)).id;
}

const emptyPage = { status: 200, check: (a: { body: { data: Row[] } }) => expect(a.body.data).toEqual([]) };

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/enrollments",
    requests: { any: () => ({ path: "/api/v1/enrollments?limit=100" }) },
    expect: {
      anonymous: { any: 401 },
      student: {
        any: {
          status: 200,
          check: async (a, w) => {
            const ids = a.body.data.map((row: Row) => row.id);
            const courseIds = a.body.data.map((row: { course: Row }) => row.course.id);
            expect(courseIds).toContain(w.course.id);
            // otherStudent is in otherCourse; the student is not, and never sees another's rows.
            expect(courseIds).not.toContain(w.otherCourse.id);
            await expectOnlyEnrollmentsOf(ids, w.student.id);
          },
        },
      },
      teacher: { any: emptyPage },
      admin: { any: emptyPage },
    },
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/enrollments",
    requests: {
      // "own": a published course open to everyone; "other": the teacher's draft, which students cannot see.
      own: async (w) => {
        const course = await createCourse(w.teacher.id, { modules: 1, lessonsPerModule: 1 });
        return { method: "POST", path: "/api/v1/enrollments", body: { courseId: course.id } };
      },
      other: (w) => ({ method: "POST", path: "/api/v1/enrollments", body: { courseId: w.draftCourse.id } }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: {
        own: {
          status: 201,
          check: async (a, w) => {
            expect(a.body).toMatchObject({ status: "active", completedAt: null, progressPercent: 0 });
            await expectOnlyEnrollmentsOf([a.body.id], w.student.id);
          },
        },
        other: {
          status: 404,
          check: async (_a, w) => {
            const rows = await testDb().select().from(enrollments).where(eq(enrollments.courseId, w.draftCourse.id));
            expect(rows).toEqual([]);
          },
        },
      },
      // Only students enrol.
      teacher: { own: 403, other: 403 },
      admin: { own: 403, other: 403 },
    },
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/enrollments/{enrollmentId}",
    requests: {
      // "own": the student's enrolment (in a course of the teacher); "other": otherStudent's.
      own: async (w) => ({ method: "DELETE", path: `/api/v1/enrollments/${await freshEnrollmentOf(w, w.student.id)}` }),
      other: async (w) => ({ method: "DELETE", path: `/api/v1/enrollments/${await freshEnrollmentOf(w, w.otherStudent.id)}` }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: {
        own: {
          status: 200,
          check: async (a) => {
            expect(a.body.status).toBe("dropped");
            expect(await statusOf(a.body.id)).toBe("dropped");
          },
        },
        other: {
          status: 404,
          check: async (a) => {
            // Nothing was dropped: the id in the failed request's address is still active.
            const id = (a.body.instance as string).split("/").at(-1)!;
            expect(await statusOf(id)).toBe("active");
          },
        },
      },
      teacher: { own: 403, other: 403 },
      admin: { own: 403, other: 403 },
    },
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/enrollments",
    requests: {
      // "own": the teacher's course (the student's too); "other": otherTeacher's course.
      own: (w) => ({ path: `/api/v1/courses/${w.course.id}/enrollments?limit=100` }),
      other: (w) => ({ path: `/api/v1/courses/${w.otherCourse.id}/enrollments?limit=100` }),
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      // Not even a student of the course reads its class list.
      student: { own: 404, other: 404 },
      teacher: { own: { status: 200, check: (a, w) => expectStudents(a.body.data, w, w.course.id) }, other: 404 },
      admin: {
        own: { status: 200, check: (a, w) => expectStudents(a.body.data, w, w.course.id) },
        other: { status: 200, check: (a, w) => expectStudents(a.body.data, w, w.otherCourse.id) },
      },
    },
  }),
];

async function expectStudents(data: { id: string; student: Record<string, unknown> }[], w: ApiWorld, courseId: string) {
  const studentIds = data.map((row) => row.student.id);
  expect(studentIds).toContain(w.otherStudent.id);
  if (courseId === w.course.id) expect(studentIds).toContain(w.student.id);
  else expect(studentIds).not.toContain(w.student.id);
  const rows = await testDb().select({ courseId: enrollments.courseId }).from(enrollments).where(inArray(enrollments.id, data.map((row) => row.id)));
  expect(new Set(rows.map((row) => row.courseId))).toEqual(new Set([courseId]));
  // Never a password hash, whoever reads.
  for (const row of data) expect(Object.keys(row.student).sort()).toEqual(["email", "id", "name", "username"]);
}
