import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { courseSections, sectionMembers, sectionTeachers } from "@/db/schema";
import { testDb } from "../../helpers";
import type { ApiCall } from "../call-api";
import { createCourse, insertEnrollment } from "../../learning-fixtures";
import { endpointCases, type Ownership } from "../matrix";
import type { ApiWorld } from "../world";

// Sections: made and filled by the course's teacher (or an admin); another
// teacher's course and everything in it reads as not found, students never see them.

type Side = Exclude<Ownership, "any" | "locked">;

/** The course of the side, its enrolled student, and a teacher who is not its own (a possible section teacher). */
const sideOf = (world: ApiWorld, side: Side) =>
  side === "own"
    ? { course: world.course, studentId: world.student.id, otherTeacherId: world.otherTeacher.id }
    : { course: world.otherCourse, studentId: world.otherStudent.id, otherTeacherId: world.teacher.id };

/** A fresh section of the side's course, so no case depends on what another left. */
async function freshSection(world: ApiWorld, side: Side) {
  const { course } = sideOf(world, side);
  const [section] = await testDb()
    .insert(courseSections)
    .values({ courseId: course.id, name: `Matrix ${randomUUID().slice(0, 8)}` })
    .returning({ id: courseSections.id });
  return { courseId: course.id, sectionId: section!.id, base: `/api/v1/courses/${course.id}/sections/${section!.id}` };
}

const status = (ok: number) => ({
  anonymous: { own: 401, other: 401 },
  student: { own: 404, other: 404 },
  teacher: { own: ok, other: 404 },
  admin: { own: ok, other: ok },
});

type Call = Omit<ApiCall, "token">;
const both = (build: (world: ApiWorld, side: Side) => Call | Promise<Call>) => ({
  own: (w: ApiWorld) => build(w, "own"),
  other: (w: ApiWorld) => build(w, "other"),
});

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/sections",
    requests: both(async (w, side) => {
      const { courseId } = await freshSection(w, side);
      return { path: `/api/v1/courses/${courseId}/sections?limit=100` };
    }),
    expect: {
      ...status(200),
      teacher: { own: { status: 200, check: (a) => expect(a.body.data.length).toBeGreaterThan(0) }, other: 404 },
    },
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/courses/{courseId}/sections",
    requests: both((w, side) => ({ method: "POST", path: `/api/v1/courses/${sideOf(w, side).course.id}/sections`, body: { name: `New ${randomUUID().slice(0, 8)}` } }) as const),
    expect: status(201),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/sections/{sectionId}",
    requests: both(async (w, side) => ({ path: (await freshSection(w, side)).base })),
    expect: status(200),
  }),
  ...endpointCases({
    endpoint: "PATCH /api/v1/courses/{courseId}/sections/{sectionId}",
    requests: both(async (w, side) => ({ method: "PATCH", path: (await freshSection(w, side)).base, body: { description: "Mornings" } })),
    expect: {
      ...status(200),
      teacher: { own: { status: 200, check: (a) => expect(a.body.description).toBe("Mornings") }, other: 404 },
    },
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/courses/{courseId}/sections/{sectionId}",
    requests: both(async (w, side) => ({ method: "DELETE", path: (await freshSection(w, side)).base })),
    expect: status(200),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/sections/{sectionId}/members",
    requests: both(async (w, side) => {
      const { sectionId, base } = await freshSection(w, side);
      await testDb().insert(sectionMembers).values({ sectionId, userId: sideOf(w, side).studentId });
      return { path: `${base}/members` };
    }),
    expect: {
      ...status(200),
      teacher: { own: { status: 200, check: (a, w) => expect(a.body.data).toEqual([expect.objectContaining({ id: w.student.id })]) }, other: 404 },
    },
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/courses/{courseId}/sections/{sectionId}/members",
    requests: both(async (w, side) => ({ method: "POST", path: `${(await freshSection(w, side)).base}/members`, body: { userIds: [sideOf(w, side).studentId] } })),
    expect: status(200),
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/courses/{courseId}/sections/{sectionId}/members/{userId}",
    requests: both(async (w, side) => {
      const { sectionId, base } = await freshSection(w, side);
      const { studentId } = sideOf(w, side);
      await testDb().insert(sectionMembers).values({ sectionId, userId: studentId });
      return { method: "DELETE", path: `${base}/members/${studentId}` };
    }),
    expect: status(200),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/sections/{sectionId}/teachers",
    requests: both(async (w, side) => ({ path: `${(await freshSection(w, side)).base}/teachers` })),
    expect: status(200),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/sections/{sectionId}/teachers/{userId}",
    requests: both(async (w, side) => {
      const { sectionId, base } = await freshSection(w, side);
      const { otherTeacherId } = sideOf(w, side);
      await testDb().insert(sectionTeachers).values({ sectionId, userId: otherTeacherId });
      return { path: `${base}/teachers/${otherTeacherId}` };
    }),
    // The teacher of the other course's section is the teacher itself: it sees that section, and only it.
    expect: { ...status(200), teacher: { own: 200, other: 200 } },
  }),
  ...endpointCases({
    endpoint: "PUT /api/v1/courses/{courseId}/sections/{sectionId}/teachers/{userId}",
    requests: both(async (w, side) => ({ method: "PUT", path: `${(await freshSection(w, side)).base}/teachers/${sideOf(w, side).otherTeacherId}` })),
    expect: status(200),
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/courses/{courseId}/sections/{sectionId}/teachers/{userId}",
    requests: both(async (w, side) => {
      const { sectionId, base } = await freshSection(w, side);
      const { otherTeacherId } = sideOf(w, side);
      await testDb().insert(sectionTeachers).values({ sectionId, userId: otherTeacherId });
      return { method: "DELETE", path: `${base}/teachers/${otherTeacherId}` };
    }),
    expect: status(200),
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/courses/{courseId}/sections/split",
    // A course of its own each time: a re-split clears every membership of the course it splits.
    requests: both(async (w, side) => {
      const teacherId = side === "own" ? w.teacher.id : w.otherTeacher.id;
      const course = await createCourse(teacherId, { modules: 1, lessonsPerModule: 1 });
      await insertEnrollment(w.student.id, course.id);
      await insertEnrollment(w.otherStudent.id, course.id);
      return { method: "POST", path: `/api/v1/courses/${course.id}/sections/split`, body: { count: 2, prefix: "Group", mode: "everyone" } };
    }),
    expect: {
      ...status(200),
      teacher: { own: { status: 200, check: (a) => expect(a.body.groups.map((g: { size: number }) => g.size)).toEqual([1, 1]) }, other: 404 },
    },
  }),
];
