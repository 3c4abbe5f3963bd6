import { expect } from "vitest";
import { taskOverrides } from "@/db/schema";
import { testDb } from "../../helpers";
import { endpointCases } from "../matrix";
import type { ApiWorld, WorldCourse } from "../world";

// Extensions and overrides: a task's students' own due dates, for its course's teacher and admins only.

const day = 24 * 60 * 60 * 1000;

/** The course's assignment and one of its students: the teacher's own, or the other teacher's. */
const target = (world: ApiWorld, ownership: "own" | "other"): { course: WorldCourse; userId: string } =>
  ownership === "own" ? { course: world.course, userId: world.student.id } : { course: world.otherCourse, userId: world.otherStudent.id };

/** An override to delete, whatever the case before left. */
async function storedOverride(world: ApiWorld, ownership: "own" | "other") {
  const { course, userId } = target(world, ownership);
  await testDb().insert(taskOverrides).values({ taskId: course.assignmentTaskId, userId, dueAt: new Date(Date.now() + 5 * day) }).onConflictDoNothing();
  return { method: "DELETE" as const, path: `/api/v1/tasks/${course.assignmentTaskId}/overrides/${userId}` };
}

const putRequest = (world: ApiWorld, ownership: "own" | "other") => {
  const { course, userId } = target(world, ownership);
  return { method: "PUT" as const, path: `/api/v1/tasks/${course.assignmentTaskId}/overrides/${userId}`, body: { dueAt: new Date(Date.now() + 4 * day).toISOString() } };
};

const saved = { status: 200, check: (a: { body: { dueAt: string | null; timeLimitMinutes: number | null } }) => expect(a.body).toMatchObject({ dueAt: expect.any(String), timeLimitMinutes: null }) };

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/tasks/{taskId}/overrides",
    requests: {
      own: async (w) => {
        await storedOverride(w, "own");
        return { path: `/api/v1/tasks/${w.course.assignmentTaskId}/overrides?limit=100` };
      },
      other: async (w) => {
        await storedOverride(w, "other");
        return { path: `/api/v1/tasks/${w.otherCourse.assignmentTaskId}/overrides?limit=100` };
      },
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      // Not even a student's own override: the list is the grader's.
      student: { own: 404, other: 404 },
      teacher: {
        own: { status: 200, check: (a, w) => expect(a.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ student: expect.objectContaining({ id: w.student.id }) })])) },
        other: 404,
      },
      admin: { own: 200, other: { status: 200, check: (a, w) => expect(a.body.data[0]).toMatchObject({ student: { id: w.otherStudent.id } }) } },
    },
  }),
  ...endpointCases({
    endpoint: "PUT /api/v1/tasks/{taskId}/overrides/{userId}",
    requests: { own: (w) => putRequest(w, "own"), other: (w) => putRequest(w, "other") },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: { own: 404, other: 404 },
      teacher: { own: saved, other: 404 },
      admin: { own: saved, other: saved },
    },
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/tasks/{taskId}/overrides/{userId}",
    requests: { own: (w) => storedOverride(w, "own"), other: (w) => storedOverride(w, "other") },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: { own: 404, other: 404 },
      teacher: { own: 200, other: 404 },
      admin: { own: 200, other: 200 },
    },
  }),
];
