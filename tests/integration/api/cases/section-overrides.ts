import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { courseSections, sectionTaskOverrides } from "@/db/schema";
import { testDb } from "../../helpers";
import { endpointCases } from "../matrix";
import type { ApiWorld, WorldCourse } from "../world";

// Section overrides: a section's own due date on a task, for its course's teacher and admins only.

const day = 24 * 60 * 60 * 1000;

const courseOf = (world: ApiWorld, ownership: "own" | "other"): WorldCourse => (ownership === "own" ? world.course : world.otherCourse);

/** The course's section "Matrix 10A", created the first time a case needs it. */
async function sectionOf(course: WorldCourse): Promise<string> {
  await testDb().insert(courseSections).values({ courseId: course.id, name: "Matrix 10A" }).onConflictDoNothing();
  const [section] = await testDb()
    .select({ id: courseSections.id })
    .from(courseSections)
    .where(and(eq(courseSections.courseId, course.id), eq(courseSections.name, "Matrix 10A")));
  return section!.id;
}

/** A section override to list or delete, whatever the case before left. */
async function storedOverride(world: ApiWorld, ownership: "own" | "other") {
  const course = courseOf(world, ownership);
  const sectionId = await sectionOf(course);
  await testDb()
    .insert(sectionTaskOverrides)
    .values({ taskId: course.assignmentTaskId, sectionId, dueAt: new Date(Date.now() + 5 * day) })
    .onConflictDoNothing();
  return { course, sectionId };
}

const deleteRequest = async (world: ApiWorld, ownership: "own" | "other") => {
  const { course, sectionId } = await storedOverride(world, ownership);
  return { method: "DELETE" as const, path: `/api/v1/tasks/${course.assignmentTaskId}/section-overrides/${sectionId}` };
};

const putRequest = async (world: ApiWorld, ownership: "own" | "other") => {
  const course = courseOf(world, ownership);
  const sectionId = await sectionOf(course);
  return {
    method: "PUT" as const,
    path: `/api/v1/tasks/${course.assignmentTaskId}/section-overrides/${sectionId}`,
    body: { dueAt: new Date(Date.now() + 4 * day).toISOString() },
  };
};

const saved = {
  status: 200,
  check: (a: { body: { dueAt: string | null; section: { name: string } } }) =>
    expect(a.body).toMatchObject({ dueAt: expect.any(String), section: { name: "Matrix 10A" } }),
};

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/tasks/{taskId}/section-overrides",
    requests: {
      own: async (w) => {
        const { course } = await storedOverride(w, "own");
        return { path: `/api/v1/tasks/${course.assignmentTaskId}/section-overrides?limit=100` };
      },
      other: async (w) => {
        const { course } = await storedOverride(w, "other");
        return { path: `/api/v1/tasks/${course.assignmentTaskId}/section-overrides?limit=100` };
      },
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: { own: 404, other: 404 },
      teacher: {
        own: { status: 200, check: (a) => expect(a.body.data).toEqual([expect.objectContaining({ section: expect.objectContaining({ name: "Matrix 10A" }) })]) },
        other: 404,
      },
      admin: { own: 200, other: 200 },
    },
  }),
  ...endpointCases({
    endpoint: "PUT /api/v1/tasks/{taskId}/section-overrides/{sectionId}",
    requests: { own: (w) => putRequest(w, "own"), other: (w) => putRequest(w, "other") },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: { own: 404, other: 404 },
      teacher: { own: saved, other: 404 },
      admin: { own: saved, other: saved },
    },
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/tasks/{taskId}/section-overrides/{sectionId}",
    requests: { own: (w) => deleteRequest(w, "own"), other: (w) => deleteRequest(w, "other") },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: { own: 404, other: 404 },
      teacher: { own: 200, other: 404 },
      admin: { own: 200, other: 200 },
    },
  }),
];
