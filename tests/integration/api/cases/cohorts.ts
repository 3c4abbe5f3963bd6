import { expect } from "vitest";
import { cohortMembers, cohorts } from "@/db/schema";
import { createUser, testDb } from "../../helpers";
import { endpointCases } from "../matrix";
import type { ApiWorld } from "../world";

// Cohorts and the roster import: admins only. A list or import is forbidden
// to anyone else; a cohort is not found for anyone else.

let counter = 0;
/** A new cohort with one student member: the world's student, or (for enrolling) a student of its own, so the world's enrolments stay as they are. */
async function freshCohort(world: ApiWorld, member?: string) {
  counter++;
  const [cohort] = await testDb()
    .insert(cohorts)
    .values({ name: `Matrix cohort ${process.pid} ${counter} ${Math.random().toString(36).slice(2, 8)}` })
    .returning({ id: cohorts.id });
  await testDb().insert(cohortMembers).values({ cohortId: cohort!.id, userId: member ?? world.student.id });
  return cohort!.id;
}

const adminOnly = (ok: number | { status: number; check?: (a: { body: Record<string, unknown> }) => void }, others = 404) => ({
  anonymous: { any: 401 },
  student: { any: others },
  teacher: { any: others },
  admin: { any: ok },
});

const importCsv = (w: ApiWorld) => `email,username,role,course\nmatrix_${Math.random().toString(36).slice(2, 10)}@test.example,,student,${w.course.slug}\n`;

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/cohorts",
    requests: { any: () => ({ path: "/api/v1/cohorts?limit=5" }) },
    expect: adminOnly({ status: 200, check: (a) => expect(Array.isArray(a.body.data)).toBe(true) }, 403),
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/cohorts",
    requests: { any: () => ({ method: "POST", path: "/api/v1/cohorts", body: { name: `Matrix new ${Math.random().toString(36).slice(2, 10)}` } }) },
    expect: adminOnly({ status: 201, check: (a) => expect(a.body).toMatchObject({ memberCount: 0, courses: [] }) }, 403),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/cohorts/{cohortId}",
    requests: { any: async (w) => ({ path: `/api/v1/cohorts/${await freshCohort(w)}` }) },
    expect: adminOnly({ status: 200, check: (a) => expect(a.body).toMatchObject({ memberCount: 1, studentCount: 1 }) }),
  }),
  ...endpointCases({
    endpoint: "PATCH /api/v1/cohorts/{cohortId}",
    requests: { any: async (w) => ({ method: "PATCH", path: `/api/v1/cohorts/${await freshCohort(w)}`, body: { description: "Renamed in the matrix" } }) },
    expect: adminOnly({ status: 200, check: (a) => expect(a.body).toMatchObject({ description: "Renamed in the matrix" }) }),
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/cohorts/{cohortId}",
    requests: { any: async (w) => ({ method: "DELETE", path: `/api/v1/cohorts/${await freshCohort(w)}` }) },
    expect: adminOnly(200),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/cohorts/{cohortId}/members",
    requests: { any: async (w) => ({ path: `/api/v1/cohorts/${await freshCohort(w)}/members` }) },
    expect: adminOnly({ status: 200, check: (a) => expect(a.body.data).toHaveLength(1) }),
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/cohorts/{cohortId}/members",
    requests: { any: async (w) => ({ method: "POST", path: `/api/v1/cohorts/${await freshCohort(w)}/members`, body: { userIds: [w.otherStudent.id, w.student.id] } }) },
    expect: adminOnly({ status: 200, check: (a) => expect(a.body).toMatchObject({ added: 1, alreadyMembers: 1 }) }),
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/cohorts/{cohortId}/members/{userId}",
    requests: { any: async (w) => ({ method: "DELETE", path: `/api/v1/cohorts/${await freshCohort(w)}/members/${w.student.id}` }) },
    expect: adminOnly(200),
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/cohorts/{cohortId}/courses",
    requests: { any: async (w) => ({ method: "POST", path: `/api/v1/cohorts/${await freshCohort(w, (await createUser()).id)}/courses`, body: { courseId: w.otherCourse.id } }) },
    expect: adminOnly({ status: 200, check: (a) => expect(a.body).toMatchObject({ enrolled: 1, skipped: 0 }) }),
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/cohorts/{cohortId}/courses/{courseId}",
    requests: {
      any: async (w) => {
        const cohortId = await freshCohort(w);
        const { cohortCourses } = await import("@/db/schema");
        await testDb().insert(cohortCourses).values({ cohortId, courseId: w.course.id });
        return { method: "DELETE", path: `/api/v1/cohorts/${cohortId}/courses/${w.course.id}` };
      },
    },
    expect: adminOnly(200),
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/users/import",
    requests: { any: (w) => ({ method: "POST", path: "/api/v1/users/import?dryRun=true", rawBody: importCsv(w), headers: { "content-type": "text/csv" } }) },
    expect: adminOnly(
      { status: 200, check: (a) => expect(a.body).toMatchObject({ saved: false, totals: { rows: 1, invalid: 1 } }) },
      403,
    ),
  }),
];
