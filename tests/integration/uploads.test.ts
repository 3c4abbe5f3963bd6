import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as downloadLessonFile } from "@/app/api/files/lessons/[lessonId]/route";
import { POST } from "@/app/api/uploads/route";
import { auditLog, lessons, storedFiles } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/session-user";
import { pathForKey, uploadsDir } from "@/lib/storage/local-backend";
import { testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";
import { captureLogs } from "../support/capture-logs";

// The real module reads the session through next-auth, which needs the Next.js
// runtime; each test chooses the acting user.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
// The real audit writer, which one test replaces for a single call to break the transaction.
vi.mock("@/lib/audit/record-audit", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/audit/record-audit")>();
  return { recordAudit: vi.fn(real.recordAudit) };
});

const ascii = (text: string) => new TextEncoder().encode(text);
const pdf = ascii("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const mp4 = new Uint8Array([0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0, ...ascii("isomiso2avc1mp41"), ...new Uint8Array(64)]);
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);

let owner: CurrentUser;
let otherTeacher: CurrentUser;
let student: CurrentUser;
let admin: CurrentUser;
let course: CourseFixture;
let otherCourse: CourseFixture;
let logs: ReturnType<typeof captureLogs>;

beforeAll(async () => {
  owner = await createActor("teacher");
  otherTeacher = await createActor("teacher");
  student = await createActor("student");
  admin = await createActor("admin");
  course = await createCourse(owner.id, { modules: 1, lessonsPerModule: 2 });
  otherCourse = await createCourse(otherTeacher.id, { modules: 1, lessonsPerModule: 1 });
});

beforeEach(() => {
  logs = captureLogs();
});

afterEach(() => {
  logs.restore();
  vi.mocked(getCurrentUser).mockReset();
  delete process.env.UPLOAD_MAX_DOCUMENT_MB;
  delete process.env.UPLOAD_MAX_VIDEO_MB;
});

function actAs(user: CurrentUser | null) {
  vi.mocked(getCurrentUser).mockResolvedValue(user);
}

function upload(query: Record<string, string>, body: Uint8Array | ReadableStream<Uint8Array> | null, headers: Record<string, string> = {}) {
  const url = new URL("http://localhost/api/uploads");
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return POST(new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit));
}

/** A body arriving in the given pieces, recording how far it was read and whether it was cancelled. */
function trickle(pieces: Uint8Array[]) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === pieces.length) return controller.close();
      controller.enqueue(pieces[state.pulled++]!);
    },
    cancel() {
      state.cancelled = true;
    },
    // Nothing is pulled before the reader asks.
  }, { highWaterMark: 0 });
  return { stream, state };
}

/** Every file under the uploads directory, temporary ones included. */
function filesOnDisk(): string[] {
  if (!fs.existsSync(uploadsDir())) return [];
  return (fs.readdirSync(uploadsDir(), { recursive: true }) as string[])
    .filter((entry) => fs.statSync(path.join(uploadsDir(), entry)).isFile())
    .sort();
}

async function storedState() {
  return { rows: (await testDb().select({ id: storedFiles.id }).from(storedFiles)).length, files: filesOnDisk() };
}

/** Runs a refused upload and checks it left neither a row nor a file. */
async function expectRefused(attempt: () => Promise<Response>, status: number, error: string | RegExp) {
  const before = await storedState();
  const response = await attempt();
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: string };
  if (typeof error === "string") expect(body).toEqual({ error });
  else expect(body.error).toMatch(error);
  expect(await storedState()).toEqual(before);
  return body;
}

describe("uploading as the course's teacher", () => {
  it("stores a PDF under a generated name, records who uploaded it for which course, and audits it", async () => {
    actAs(owner);
    const response = await upload({ courseId: course.id, kind: "document", name: "Week 1 notes.pdf" }, pdf);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string };
    expect(body).toEqual({ id: expect.any(String), name: "Week 1 notes.pdf", sizeBytes: pdf.length, mimeType: "application/pdf" });

    const [row] = await testDb().select().from(storedFiles).where(eq(storedFiles.id, body.id));
    expect(row).toMatchObject({ uploadedBy: owner.id, courseId: course.id, mimeType: "application/pdf", sizeBytes: pdf.length });
    expect(row!.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(row!.storageKey).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    expect(new Uint8Array(fs.readFileSync(pathForKey(row!.storageKey)))).toEqual(pdf);

    const audit = await testDb().select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: owner.id,
        action: "file.uploaded",
        entityType: "stored_file",
        after: { courseId: course.id, name: "Week 1 notes.pdf", mimeType: "application/pdf", sizeBytes: pdf.length },
      }),
    ]);
  });

  it("records sizes past the 2 GB a 32-bit column holds, read back as exact numbers", async () => {
    const lecture = 3 * 1024 * 1024 * 1024 + 7;
    const [row] = await testDb()
      .insert(storedFiles)
      .values({ storageKey: `${crypto.randomUUID()}.mp4`, originalName: "lecture.mp4", mimeType: "video/mp4", sizeBytes: lecture, sha256: "0".repeat(64), courseId: course.id })
      .returning();
    expect(row!.sizeBytes).toBe(lecture);
    const [again] = await testDb().select({ sizeBytes: storedFiles.sizeBytes }).from(storedFiles).where(eq(storedFiles.id, row!.id));
    expect(again).toEqual({ sizeBytes: lecture });
    await testDb().delete(storedFiles).where(eq(storedFiles.id, row!.id));
  });

  it("streams an MP4 arriving in small pieces, deciding its type across them", async () => {
    actAs(owner);
    const pieces = [mp4.subarray(0, 3), mp4.subarray(3, 9), mp4.subarray(9)];
    const { stream } = trickle(pieces);
    const response = await upload({ courseId: course.id, kind: "video", name: "lecture.mp4" }, stream);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; mimeType: string; sizeBytes: number };
    expect(body).toMatchObject({ name: "lecture.mp4", mimeType: "video/mp4", sizeBytes: mp4.length });
    const [row] = await testDb().select().from(storedFiles).where(eq(storedFiles.id, body.id));
    expect(new Uint8Array(fs.readFileSync(pathForKey(row!.storageKey)))).toEqual(mp4);
  });

  it("lets an admin upload to any course", async () => {
    actAs(admin);
    const response = await upload({ courseId: otherCourse.id, kind: "document", name: "syllabus.pdf" }, pdf);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [row] = await testDb().select().from(storedFiles).where(eq(storedFiles.id, id));
    expect(row).toMatchObject({ uploadedBy: admin.id, courseId: otherCourse.id });
  });

  it("keeps only a plain base name of a path-like name, never using it for storage", async () => {
    actAs(owner);
    const response = await upload({ courseId: course.id, kind: "document", name: "../../etc/passwd" }, ascii("root:x:0:0\n"));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; name: string };
    expect(body).toMatchObject({ name: "passwd.txt", mimeType: "text/plain" });
    const [row] = await testDb().select().from(storedFiles).where(eq(storedFiles.id, body.id));
    expect(row!.storageKey).toMatch(/^[0-9a-f-]{36}\.txt$/);
    expect(filesOnDisk().every((file) => !file.includes("passwd") && !file.includes(".."))).toBe(true);
  });
});

describe("who may upload", () => {
  it("answers a guest 401", async () => {
    actAs(null);
    await expectRefused(() => upload({ courseId: course.id, kind: "document", name: "a.pdf" }, pdf), 401, "Sign in to upload files.");
  });

  it("answers another teacher, a student and a made-up course as not found, storing nothing", async () => {
    for (const [who, courseId] of [
      [otherTeacher, course.id],
      [student, course.id],
      [owner, "7b0c2d8e-4a4e-4f8e-9d5e-3a1b2c3d4e5f"],
      [owner, "not-a-uuid"],
    ] as const) {
      actAs(who);
      await expectRefused(() => upload({ courseId, kind: "document", name: "a.pdf" }, pdf), 404, "Course not found.");
    }
  });

  it("treats a student enrolled in the course as not found too", async () => {
    await insertEnrollment(student.id, course.id);
    actAs(student);
    await expectRefused(() => upload({ courseId: course.id, kind: "document", name: "a.pdf" }, pdf), 404, "Course not found.");
  });
});

describe("what is refused", () => {
  it("refuses an unknown kind", async () => {
    actAs(owner);
    await expectRefused(() => upload({ courseId: course.id, kind: "script", name: "a.pdf" }, pdf), 400, /document or video/);
  });

  it("refuses empty files, with or without a body", async () => {
    actAs(owner);
    await expectRefused(() => upload({ courseId: course.id, kind: "document", name: "a.pdf" }, new Uint8Array()), 400, "The file is empty.");
    await expectRefused(() => upload({ courseId: course.id, kind: "document", name: "a.pdf" }, null), 400, "The file is empty.");
  });

  it("refuses by the declared length before reading the body", async () => {
    process.env.UPLOAD_MAX_DOCUMENT_MB = "0.001";
    actAs(owner);
    const { stream, state } = trickle([pdf]);
    await expectRefused(
      () => upload({ courseId: course.id, kind: "document", name: "a.pdf" }, stream, { "content-length": "5000" }),
      413,
      "The file is larger than 1 KB.",
    );
    expect(state.pulled).toBe(0);
  });

  it("stops a body without a declared length at the limit, removing what was written", async () => {
    process.env.UPLOAD_MAX_VIDEO_MB = "0.05";
    actAs(owner);
    // 51.2 KB allowed; the sender would go on for 1 MB.
    const pieces = [mp4, ...Array.from({ length: 64 }, () => new Uint8Array(16 * 1024))];
    const { stream, state } = trickle(pieces);
    await expectRefused(() => upload({ courseId: course.id, kind: "video", name: "big.mp4" }, stream), 413, "The file is larger than 51 KB.");
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(pieces.length);
  });

  it("stores nothing of an upload that breaks off, or ends short of its declared length (the sender cancelled)", async () => {
    actAs(owner);
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(pdf);
        controller.error(new Error("aborted"));
      },
    });
    const before = await storedState();
    const response = await upload({ courseId: course.id, kind: "document", name: "cut.pdf" }, broken);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "The upload stopped before the whole file arrived. Try again." });
    expect(await storedState()).toEqual(before);
    expect(logs.at("error")).toEqual([]);
    expect(logs.at("info").map((entry) => entry.msg)).toContain("upload: the sender stopped before the whole file arrived");

    await expectRefused(
      () => upload({ courseId: course.id, kind: "document", name: "short.pdf" }, pdf, { "content-length": String(pdf.length + 100) }),
      400,
      "The upload stopped before the whole file arrived. Try again.",
    );
  });

  it("refuses by content, whatever the name says", async () => {
    actAs(owner);
    const notAccepted = "This type of file is not accepted here.";
    await expectRefused(() => upload({ courseId: course.id, kind: "document", name: "notes.pdf" }, exe), 415, notAccepted);
    await expectRefused(() => upload({ courseId: course.id, kind: "video", name: "clip.mp4" }, exe), 415, notAccepted);
    // A video is not a document, and a document not a video.
    await expectRefused(() => upload({ courseId: course.id, kind: "document", name: "clip.mp4" }, mp4), 415, notAccepted);
    await expectRefused(() => upload({ courseId: course.id, kind: "video", name: "notes.pdf" }, pdf), 415, notAccepted);
  });

  it("answers a database failure with a reference only, and removes the stored bytes", async () => {
    actAs(owner);
    vi.mocked(recordAudit).mockImplementationOnce(async (tx) => {
      await tx.execute(sql`SELECT secret_column FROM secret_table_name`);
    });
    const body = await expectRefused(
      () => upload({ courseId: course.id, kind: "document", name: "a.pdf" }, pdf),
      500,
      /^Upload failed \(reference [0-9a-f]{8}\)\.$/,
    );
    expect(body.error).not.toMatch(/secret/);
    const reference = /reference ([0-9a-f]{8})/.exec(body.error)![1]!;
    expect(logs.at("error")).toEqual([expect.objectContaining({ msg: "upload: unexpected error", errorId: reference, err: expect.anything() })]);
  });
});

describe("when storage fails", () => {
  it("answers with a reference only and records nothing", async () => {
    const rowsBefore = (await storedState()).rows;
    const previous = process.env.JEEVI_DATA_DIR!;
    // A data directory whose "uploads" is a file: every write there fails.
    const broken = fs.mkdtempSync(path.join(path.dirname(previous), "jeevi-broken-storage-"));
    fs.writeFileSync(path.join(broken, "uploads"), "not a directory");
    process.env.JEEVI_DATA_DIR = broken;
    try {
      actAs(owner);
      const response = await upload({ courseId: course.id, kind: "document", name: "a.pdf" }, pdf);
      expect(response.status).toBe(500);
      const { error } = (await response.json()) as { error: string };
      expect(error).toMatch(/^Upload failed \(reference [0-9a-f]{8}\)\.$/);
      expect(logs.at("error")).toEqual([
        expect.objectContaining({ msg: "upload: unexpected error", errorId: /reference ([0-9a-f]{8})/.exec(error)![1], err: expect.anything() }),
      ]);
    } finally {
      process.env.JEEVI_DATA_DIR = previous;
      fs.rmSync(broken, { recursive: true, force: true });
    }
    expect((await storedState()).rows).toBe(rowsBefore);
  });
});

describe("downloading an uploaded file", () => {
  let lessonId: string;
  let classmate: CurrentUser;
  let outsider: CurrentUser;

  beforeAll(async () => {
    actAs(owner);
    const response = await upload({ courseId: course.id, kind: "video", name: "lecture.mp4" }, mp4);
    const { id } = (await response.json()) as { id: string };
    lessonId = course.lessonIds[0]!;
    await testDb().update(lessons).set({ contentType: "video", fileId: id }).where(eq(lessons.id, lessonId));
    classmate = await createActor("student");
    await insertEnrollment(classmate.id, course.id);
    outsider = await createActor("student");
    await insertEnrollment(outsider.id, otherCourse.id);
  });

  const download = (range?: string) =>
    downloadLessonFile(new Request(`http://localhost/api/files/lessons/${lessonId}`, { headers: range ? { range } : {} }), {
      params: Promise.resolve({ lessonId }),
    });

  it("is not found for a student enrolled in another course, another teacher or a guest", async () => {
    for (const who of [outsider, otherTeacher, null]) {
      actAs(who);
      const response = await download();
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Not found");
    }
  });

  it("plays for an enrolled student, inline and seekable", async () => {
    actAs(classmate);
    const whole = await download();
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''lecture.mp4");
    expect(whole.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(mp4);
    const part = await download("bytes=4-11");
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 4-11/${mp4.length}`);
    expect(new TextDecoder().decode(await part.arrayBuffer())).toBe("ftypisom");
  });
});
