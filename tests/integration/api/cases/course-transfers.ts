import { inArray } from "drizzle-orm";
import { expect } from "vitest";
import { courseTransfers } from "@/db/schema";
import { uploadCoursePackageContract } from "@/lib/api/contracts/course-transfers";
import { exportCourse } from "@/lib/course-transfer/export-course";
import { fromWebStream } from "@/lib/course-transfer/web-stream";
import { POST as uploadPackage } from "@/app/api/v1/course-imports/route";
import { testDb } from "../../helpers";
import { endpointCases, type MatrixCase } from "../matrix";
import type { ApiWorld, Role } from "../world";

// Copies, exports and imports of courses. A copy or an export: the course's
// teacher and admins (others find no course). An upload: teachers and admins
// (students 403). A transfer: read by who asked for it and admins; started or
// dropped only by who uploaded it.

type Owned = "own" | "other";

/** Whose transfer a role acts on: its own (a student has none: its teacher's), or another teacher's. */
function requesterOf(world: ApiWorld, role: Role, ownership: Owned) {
  if (ownership === "other") return world.otherTeacher;
  return role === "teacher" || role === "admin" ? world.userFor(role) : world.teacher;
}

/** An uploaded package waiting for its start, as the upload leaves it. */
async function uploadedTransfer(requestedBy: string): Promise<string> {
  const [row] = await testDb()
    .insert(courseTransfers)
    .values({
      kind: "restore",
      status: "uploaded",
      requestedBy,
      label: "mechanics-backup.zip",
      options: {
        describedAs: "Jeevi Academy course backup",
        title: "Mechanics",
        hasWork: false,
        summary: { modules: 1, lessons: 2, quizzes: 0, assignments: 0, questions: 0, files: 0, discussions: 0, students: 0 },
      },
      notes: [{ where: "Lesson 2", message: "An embedded video was kept as a link." }],
    })
    .returning({ id: courseTransfers.id });
  return row!.id;
}

const transferPath = async (world: ApiWorld, role: Role, ownership: Owned, tail = "") =>
  `/api/v1/course-transfers/${await uploadedTransfer(requesterOf(world, role, ownership).id)}${tail}`;

const courseOf = (world: ApiWorld, ownership: Owned) => (ownership === "own" ? world.course : world.otherCourse);

/** A real backup of the world's course, as its teacher downloads it. */
async function backupBytes(world: ApiWorld) {
  const exported = await exportCourse(testDb(), world.teacher, world.course.id, "backup");
  const chunks: Uint8Array[] = [];
  for await (const chunk of fromWebStream(exported!.stream)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// The matrix sends text bodies; a zip is sent to the route directly, as a client sends the file.
const uploadsARealBackup: MatrixCase["check"] = async (_answer, world, role) => {
  const request = new Request("http://localhost/api/v1/course-imports?name=backup.zip", {
    method: "POST",
    headers: { authorization: `Bearer ${world.tokenFor(role)}`, "content-type": "application/zip" },
    body: await backupBytes(world),
  });
  const response = await uploadPackage(request, { params: Promise.resolve({}) });
  expect(response.status).toBe(201);
  const body: unknown = await response.json();
  expect(uploadCoursePackageContract.response.parse(body)).toMatchObject({ kind: "restore", status: "uploaded", label: "backup.zip", course: null });
};

const courseStaff = (ok: number | { status: number; check?: MatrixCase["check"] }) => ({
  anonymous: { own: 401, other: 401 },
  student: { own: 404, other: 404 },
  teacher: { own: ok, other: 404 },
  admin: { own: ok, other: ok },
});

// A transfer's uploader alone starts or drops it; an admin reads anyone's but starts only its own.
const uploaderOnly = (ok: number | { status: number; check?: MatrixCase["check"] }) => ({
  anonymous: { own: 401, other: 401 },
  student: { own: 404, other: 404 },
  teacher: { own: ok, other: 404 },
  admin: { own: ok, other: 404 },
});

/** A list of the caller's own transfers, none of anyone else's (an admin's list is its own too). */
const onlyTheCallers: MatrixCase["check"] = async (a, w, role) => {
  const ids: string[] = a.body.data.map((transfer: { id: string }) => transfer.id);
  expect(ids.length).toBeGreaterThan(0);
  const rows = await testDb().select({ requestedBy: courseTransfers.requestedBy }).from(courseTransfers).where(inArray(courseTransfers.id, ids));
  expect(new Set(rows.map((row) => row.requestedBy))).toEqual(new Set([w.userFor(role as "teacher" | "admin").id]));
};

export const cases = [
  ...endpointCases({
    endpoint: "POST /api/v1/courses/{courseId}/copies",
    requests: {
      own: (w) => ({ method: "POST", path: `/api/v1/courses/${courseOf(w, "own").id}/copies`, body: { title: "Next term", dateOffsetDays: 7 } }),
      other: (w) => ({ method: "POST", path: `/api/v1/courses/${courseOf(w, "other").id}/copies`, body: { title: "Next term", dateOffsetDays: 7 } }),
    },
    expect: courseStaff({
      status: 202,
      check: (a, w) => {
        expect(a.body).toMatchObject({ kind: "copy", status: "queued", title: "Next term", dateOffsetDays: 7, course: null });
        expect([w.course.id, w.otherCourse.id]).toContain(a.body.sourceCourse.id);
      },
    }),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/courses/{courseId}/export",
    requests: {
      own: (w) => ({ path: `/api/v1/courses/${courseOf(w, "own").id}/export?format=backup` }),
      other: (w) => ({ path: `/api/v1/courses/${courseOf(w, "other").id}/export?format=cartridge` }),
    },
    expect: courseStaff({ status: 200, check: (a) => expect(String(a.body).startsWith("PK")).toBe(true) }),
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/course-imports",
    requests: {
      any: () => ({ method: "POST", path: "/api/v1/course-imports?name=notes.txt", rawBody: "Just some notes, not a course.", headers: { "content-type": "application/zip" } }),
    },
    expect: {
      anonymous: { any: 401 },
      student: { any: 403 },
      // Past the role check, the file is looked at: text is no package. A real backup is taken.
      teacher: { any: { status: 415, check: uploadsARealBackup } },
      admin: { any: { status: 415, check: uploadsARealBackup } },
    },
  }),
  ...endpointCases({
    endpoint: "POST /api/v1/course-transfers/{transferId}/start",
    requests: {
      own: async (w, role) => ({ method: "POST", path: await transferPath(w, role, "own", "/start"), body: { title: "Mechanics again", dateOffsetDays: 14 } }),
      other: async (w, role) => ({ method: "POST", path: await transferPath(w, role, "other", "/start"), body: {} }),
    },
    expect: uploaderOnly({ status: 202, check: (a) => expect(a.body).toMatchObject({ status: "queued", course: null, error: null }) }),
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/course-transfers/{transferId}",
    requests: {
      own: async (w, role) => ({ method: "DELETE", path: await transferPath(w, role, "own") }),
      other: async (w, role) => ({ method: "DELETE", path: await transferPath(w, role, "other") }),
    },
    expect: uploaderOnly({ status: 200, check: (a) => expect(a.body.id).toEqual(expect.any(String)) }),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/course-transfers/{transferId}",
    requests: {
      own: async (w, role) => ({ path: await transferPath(w, role, "own") }),
      other: async (w, role) => ({ path: await transferPath(w, role, "other") }),
    },
    expect: courseStaff({
      status: 200,
      check: (a) => expect(a.body).toMatchObject({ status: "uploaded", summary: { lessons: 2 }, notes: [{ where: "Lesson 2" }], progress: { done: 0, total: 0 } }),
    }),
  }),
  ...endpointCases({
    endpoint: "GET /api/v1/course-transfers",
    requests: {
      any: async (w, role) => {
        await uploadedTransfer(w.otherTeacher.id);
        if (role === "teacher" || role === "admin") await uploadedTransfer(w.userFor(role).id);
        return { path: "/api/v1/course-transfers?limit=100" };
      },
    },
    expect: {
      anonymous: { any: 401 },
      // Students copy and import nothing.
      student: { any: { status: 200, check: (a) => expect(a.body).toEqual({ data: [], next: null }) } },
      teacher: { any: { status: 200, check: onlyTheCallers } },
      admin: { any: { status: 200, check: onlyTheCallers } },
    },
  }),
];
