// A teacher's copies, backups and imports through /api/v1, beyond the
// permission matrix: a copy with its dates moved, a backup downloaded and
// restored, a Common Cartridge exported and imported, each read until done;
// files that are no package refused with their reason and nothing kept; an
// upload dropped; a student refused throughout. Runs on PGlite and PostgreSQL.
import { count, eq } from "drizzle-orm";
import { zipSync } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/courses/[courseId]/export/route";
import { POST as uploadRoute } from "@/app/api/v1/course-imports/route";
import { courses, courseTransfers, learningTasks, lessons, modules, storedFiles } from "@/db/schema";
import { uploadCoursePackageContract, getTransferContract } from "@/lib/api/contracts/course-transfers";
import { incompleteUploadMessage } from "@/lib/storage/upload-route";
import { courseTransferJob } from "@/lib/worker/course-transfer-job";
import { captureLogs } from "../support/capture-logs";
import { callApi } from "./api/call-api";
import { buildWorld, type ApiWorld, type WorldUser } from "./api/world";
import { testDb } from "./helpers";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const dayMs = 24 * 60 * 60 * 1000;
let world: ApiWorld;
let dueAt: Date;

beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_IP = "1000000";
  process.env.API_RATE_LIMIT_PER_TOKEN = "1000000";
  world = await buildWorld();
  dueAt = new Date(Date.now() + 10 * dayMs);
  await testDb().update(learningTasks).set({ dueAt }).where(eq(learningTasks.id, world.course.assignmentTaskId));
});

const runJobs = () => courseTransferJob.run(testDb(), new Date());
const read = (user: WorldUser, path: string) => callApi({ path, token: user.token });

/** A download as a client saves it: the answer and its bytes. */
async function download(user: WorldUser, courseId: string, format: string) {
  const request = new Request(`http://localhost/api/v1/courses/${courseId}/export?format=${format}`, { headers: { authorization: `Bearer ${user.token}` } });
  const response = await exportRoute(request, { params: Promise.resolve({ courseId }) });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** A file sent as the body, the way `curl --data-binary @file` sends it. */
async function upload(user: WorldUser, name: string, bytes: Uint8Array<ArrayBuffer>, contentType = "application/zip") {
  const request = new Request(`http://localhost/api/v1/course-imports?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": contentType, "content-length": String(bytes.byteLength) },
    body: bytes,
  });
  const response = await uploadRoute(request, { params: Promise.resolve({}) });
  return { status: response.status, contentType: response.headers.get("content-type"), body: (await response.json()) as Record<string, unknown> };
}

/** Reads a transfer until it has finished, as a client polls it (the job runs in between). */
async function untilFinished(user: WorldUser, transferId: string) {
  for (let poll = 0; poll < 5; poll++) {
    const answer = await read(user, `/api/v1/course-transfers/${transferId}`);
    expect(answer.status).toBe(200);
    expect(getTransferContract.response.safeParse(answer.body).success).toBe(true);
    if (answer.body.status === "done" || answer.body.status === "failed") return answer.body;
    await runJobs();
  }
  throw new Error(`transfer ${transferId} did not finish`);
}

const outlineOf = async (courseId: string) => {
  const moduleRows = await testDb().select({ id: modules.id }).from(modules).where(eq(modules.courseId, courseId));
  const [lessonCount] = await testDb().select({ n: count() }).from(lessons).innerJoin(modules, eq(modules.id, lessons.moduleId)).where(eq(modules.courseId, courseId));
  const tasks = await testDb().select({ title: learningTasks.title, type: learningTasks.type, dueAt: learningTasks.dueAt }).from(learningTasks).where(eq(learningTasks.courseId, courseId));
  return { modules: moduleRows.length, lessons: lessonCount!.n, tasks };
};

const dueOf = async (courseId: string) => (await outlineOf(courseId)).tasks.find((task) => task.title === "Lab report")!.dueAt!;
const rowCounts = async () => ({
  transfers: (await testDb().select({ n: count() }).from(courseTransfers))[0]!.n,
  files: (await testDb().select({ n: count() }).from(storedFiles))[0]!.n,
});

describe("copying a course through the API", () => {
  it("queues the copy (once per Idempotency-Key), and the job makes a draft with every date moved", async () => {
    const key = crypto.randomUUID();
    const copy = () =>
      callApi({ method: "POST", path: `/api/v1/courses/${world.course.id}/copies`, token: world.teacher.token, headers: { "Idempotency-Key": key }, body: { title: "Fixture, next term", dateOffsetDays: 7 } });
    const asked = await copy();
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ kind: "copy", status: "queued", title: "Fixture, next term", dateOffsetDays: 7, sourceCourse: { id: world.course.id }, course: null });
    const retried = await copy();
    expect(retried.status).toBe(202);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(retried.body.id).toBe(asked.body.id);

    const done = await untilFinished(world.teacher, asked.body.id);
    expect(done).toMatchObject({ status: "done", error: null, finishedAt: expect.any(String) });
    expect(done.progress.done).toBe(done.progress.total);
    const [made] = await testDb().select().from(courses).where(eq(courses.id, done.course.id));
    expect(made).toMatchObject({ title: "Fixture, next term", slug: done.course.slug, status: "draft", teacherId: world.teacher.id });
    expect((await dueOf(made!.id)).getTime()).toBe(dueAt.getTime() + 7 * dayMs);
    const [source, copied] = [await outlineOf(world.course.id), await outlineOf(made!.id)];
    expect({ modules: copied.modules, lessons: copied.lessons }).toEqual({ modules: source.modules, lessons: source.lessons });
  });

  it("refuses a shift of more than ten years with the field's error", async () => {
    const answer = await callApi({ method: "POST", path: `/api/v1/courses/${world.course.id}/copies`, token: world.teacher.token, body: { dateOffsetDays: 4000 } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors.dateOffsetDays).toEqual(["Dates move by at most 3650 days."]);
  });
});

describe("backing up and restoring through the API", () => {
  it("downloads a backup, uploads it for a preview, starts it with a new title and shift, and reads the restored course", async () => {
    const { response, bytes } = await download(world.teacher, world.course.id, "backup");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+-backup-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(Buffer.from(bytes.subarray(0, 4)).toString("latin1")).toBe("PK\u0003\u0004");

    const uploaded = await upload(world.teacher, "fixture-backup.zip", bytes);
    expect(uploaded.status).toBe(201);
    const preview = uploadCoursePackageContract.response.parse(uploaded.body);
    const source = await outlineOf(world.course.id);
    expect(preview).toMatchObject({ kind: "restore", status: "uploaded", label: "fixture-backup.zip", hasWork: false, course: null, progress: { done: 0, total: 0 } });
    expect(preview.summary).toMatchObject({ modules: source.modules, lessons: source.lessons, quizzes: 1, assignments: 1, students: 0 });
    // The answer never names where the package is kept.
    const [row] = await testDb().select().from(courseTransfers).where(eq(courseTransfers.id, preview.id));
    const [kept] = await testDb().select().from(storedFiles).where(eq(storedFiles.id, row!.archiveFileId!));
    expect(JSON.stringify(uploaded.body)).not.toContain(kept!.id);
    expect(JSON.stringify(uploaded.body)).not.toContain(kept!.storageKey);
    expect((await read(world.teacher, `/api/v1/course-transfers/${preview.id}`)).body).toEqual(uploaded.body);

    // Restoring work the backup does not hold is refused, and the upload still waits.
    const withWork = await callApi({ method: "POST", path: `/api/v1/course-transfers/${preview.id}/start`, token: world.teacher.token, body: { withWork: true } });
    expect(withWork.status).toBe(422);
    expect(withWork.body.errors.withWork).toEqual(["This package holds no enrolments or work to restore."]);

    const started = await callApi({ method: "POST", path: `/api/v1/course-transfers/${preview.id}/start`, token: world.teacher.token, body: { title: "Fixture, restored", dateOffsetDays: -3 } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ id: preview.id, status: "queued", dateOffsetDays: -3 });
    const again = await callApi({ method: "POST", path: `/api/v1/course-transfers/${preview.id}/start`, token: world.teacher.token, body: {} });
    expect(again.status).toBe(404);

    const done = await untilFinished(world.teacher, preview.id);
    expect(done).toMatchObject({ status: "done", error: null, course: { title: "Fixture, restored" } });
    const restored = await outlineOf(done.course.id);
    expect({ modules: restored.modules, lessons: restored.lessons }).toEqual({ modules: source.modules, lessons: source.lessons });
    expect(restored.tasks.map((task) => task.type).sort()).toEqual(source.tasks.map((task) => task.type).sort());
    expect((await dueOf(done.course.id)).getTime()).toBe(dueAt.getTime() - 3 * dayMs);
    // The package is only kept until it has been read.
    expect(await testDb().select().from(storedFiles).where(eq(storedFiles.id, kept!.id))).toEqual([]);
  });

  it("exports a Common Cartridge and imports it as a new course with the subject the importer names", async () => {
    const { response, bytes } = await download(world.teacher, world.course.id, "cartridge");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/\.imscc"$/);

    const uploaded = await upload(world.teacher, "fixture.imscc", bytes, "application/octet-stream");
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ kind: "cartridge_import", status: "uploaded", describedAs: expect.stringContaining("Common Cartridge") });
    const started = await callApi({ method: "POST", path: `/api/v1/course-transfers/${uploaded.body.id as string}/start`, token: world.teacher.token, body: { subject: "chemistry" } });
    expect(started.status).toBe(202);

    const done = await untilFinished(world.teacher, uploaded.body.id as string);
    expect(done.status).toBe("done");
    expect(Array.isArray(done.notes)).toBe(true);
    const [made] = await testDb().select().from(courses).where(eq(courses.id, done.course.id));
    expect(made).toMatchObject({ subject: "chemistry", status: "draft", teacherId: world.teacher.id });
    expect((await outlineOf(made!.id)).lessons).toBe((await outlineOf(world.course.id)).lessons);
  });

  it("lists the caller's transfers, newest first", async () => {
    const answer = await read(world.teacher, "/api/v1/course-transfers");
    expect(answer.status).toBe(200);
    expect(answer.body.next).toBeNull();
    expect(answer.body.data.map((transfer: { kind: string }) => transfer.kind)).toEqual(["cartridge_import", "restore", "copy"]);
    const times = answer.body.data.map((transfer: { createdAt: string }) => Date.parse(transfer.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await read(world.otherTeacher, "/api/v1/course-transfers")).body.data).toEqual([]);
  });
});

describe("uploads that are no course package", () => {
  it("refuses a file that is not a zip with 415, and an empty one with 400, keeping nothing", async () => {
    const before = await rowCounts();
    const text = await upload(world.teacher, "notes.txt", new TextEncoder().encode("These are my notes, not a course."));
    expect(text).toMatchObject({ status: 415, contentType: "application/problem+json" });
    expect(text.body.detail).toBe("This is not a zip package: upload a course backup (.zip) or a Common Cartridge (.imscc).");
    const empty = await upload(world.teacher, "empty.zip", new Uint8Array(0));
    expect(empty).toMatchObject({ status: 400, body: { detail: "The file is empty." } });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a zip that is neither a backup nor a cartridge with 400 and the reason, keeping nothing", async () => {
    const before = await rowCounts();
    const zip = zipSync({ "photos/holiday.txt": new TextEncoder().encode("Not a course.") });
    const answer = await upload(world.teacher, "photos.zip", zip);
    expect(answer).toMatchObject({ status: 400, contentType: "application/problem+json" });
    expect(answer.body.detail).toMatch(/^The package is neither a Jeevi Academy course backup \(it has no .+\) nor a Common Cartridge \(it has no imsmanifest\.xml\)\.$/);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers an upload the sender broke off with 400, logging no error and keeping nothing", async () => {
    const before = await rowCounts();
    const { bytes } = await download(world.teacher, world.course.id, "backup");
    const sender = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 4096));
      },
      pull(controller) {
        sender.abort();
        controller.error(new Error("the connection was reset"));
      },
    });
    const request = new Request("http://localhost/api/v1/course-imports?name=half.zip", {
      method: "POST",
      headers: { authorization: `Bearer ${world.teacher.token}`, "content-type": "application/zip" },
      body,
      signal: sender.signal,
      duplex: "half",
    } as RequestInit);
    const logs = captureLogs();
    try {
      const response = await uploadRoute(request, { params: Promise.resolve({}) });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toBe(incompleteUploadMessage);
      expect(logs.at("error")).toEqual([]);
    } finally {
      logs.restore();
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("drops an upload its teacher decided against, with its stored file", async () => {
    const { bytes } = await download(world.teacher, world.course.id, "backup");
    const uploaded = await upload(world.teacher, "second-thoughts.zip", bytes);
    const transferId = uploaded.body.id as string;
    const [row] = await testDb().select().from(courseTransfers).where(eq(courseTransfers.id, transferId));
    // Only the uploader drops it, not even an admin.
    expect((await callApi({ method: "DELETE", path: `/api/v1/course-transfers/${transferId}`, token: world.admin.token })).status).toBe(404);
    const dropped = await callApi({ method: "DELETE", path: `/api/v1/course-transfers/${transferId}`, token: world.teacher.token });
    expect(dropped).toMatchObject({ status: 200, body: { id: transferId } });
    expect((await read(world.teacher, `/api/v1/course-transfers/${transferId}`)).status).toBe(404);
    expect(await testDb().select().from(storedFiles).where(eq(storedFiles.id, row!.archiveFileId!))).toEqual([]);
  });
});

describe("a student", () => {
  it("copies, exports, uploads and reads no transfer", async () => {
    const [transfer] = await testDb().select({ id: courseTransfers.id }).from(courseTransfers).where(eq(courseTransfers.requestedBy, world.teacher.id)).limit(1);
    const student = world.student;
    expect((await callApi({ method: "POST", path: `/api/v1/courses/${world.course.id}/copies`, token: student.token, body: {} })).status).toBe(404);
    expect((await download(student, world.course.id, "backup")).response.status).toBe(404);
    const { bytes } = await download(world.teacher, world.course.id, "backup");
    const uploaded = await upload(student, "course.zip", bytes);
    expect(uploaded).toMatchObject({ status: 403, body: { detail: "Only teachers and admins import courses." } });
    expect((await read(student, `/api/v1/course-transfers/${transfer!.id}`)).status).toBe(404);
    expect((await callApi({ method: "POST", path: `/api/v1/course-transfers/${transfer!.id}/start`, token: student.token, body: {} })).status).toBe(404);
    expect((await read(student, "/api/v1/course-transfers")).body).toEqual({ data: [], next: null });
  });
});
