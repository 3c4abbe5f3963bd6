import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { zipSync } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, courses, lessons, modules, users } from "@/db/schema";
import { GET as serveCourseFile } from "@/app/api/files/course/[fileId]/route";
import type { CurrentUser } from "@/lib/auth/session-user";
import { cartridgeExportNotes } from "@/lib/course-transfer/cartridge-export-notes";
import { exportCourse } from "@/lib/course-transfer/export-course";
import { readCourse } from "@/lib/course-transfer/read-course";
import { confirmImport } from "@/lib/course-transfer/transfers/transfer-commands";
import { loadTransfer } from "@/lib/course-transfer/transfers/transfer-queries";
import { uploadCoursePackage } from "@/lib/course-transfer/transfers/upload-package";
import { fromWebStream } from "@/lib/course-transfer/web-stream";
import { seedDemoData } from "@/lib/seed/seed";
import { courseTransferJob } from "@/lib/worker/course-transfer-job";
import { cc11Cartridge, cc12Cartridge, cc13Cartridge } from "../fixtures/cartridges/sample-cartridges";
import { testDb } from "./helpers";
import { createActor, insertEnrollment } from "./learning-fixtures";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

let teacher: CurrentUser;

beforeAll(async () => {
  await seedDemoData(testDb());
  teacher = await createActor("teacher");
});

const tempFile = (name: string, data: Uint8Array) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-cartridge-")), name);
  fs.writeFileSync(file, data);
  return file;
};
const bodyOf = (file: string) => ({ body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>, declaredLength: fs.statSync(file).size, ip: null });

/** Uploads a package as the import page does, confirms it and runs the background job: the transfer as it ends. */
async function importPackage(actor: CurrentUser, file: string, options: { subject?: string } = {}) {
  const db = testDb();
  const uploaded = await uploadCoursePackage(db, actor, { name: path.basename(file) }, bodyOf(file));
  if (!uploaded.ok) throw new Error(uploaded.error);
  const preview = await loadTransfer(db, actor, uploaded.file.id);
  await db.transaction((tx) => confirmImport(tx, actor, { transferId: uploaded.file.id, title: null, dateOffsetDays: 0, withWork: false, subject: options.subject ?? null }));
  await courseTransferJob.run(db, new Date());
  return { preview: preview!, done: (await loadTransfer(db, actor, uploaded.file.id))! };
}

async function download(stream: ReadableStream<Uint8Array>, name: string) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of fromWebStream(stream)) chunks.push(chunk);
  return tempFile(name, Buffer.concat(chunks));
}

describe("importing a Common Cartridge", () => {
  it.each([
    ["1.3", cc13Cartridge],
    ["1.2", cc12Cartridge],
    ["1.1", cc11Cartridge],
  ])("imports a %s cartridge as a draft course with its report", async (version, build) => {
    const file = tempFile("course.imscc", zipSync(Object.fromEntries(build().entries)));
    const { preview, done } = await importPackage(teacher, file, { subject: "physics" });
    expect(preview).toMatchObject({ status: "uploaded", kind: "cartridge_import", describedAs: `IMS Common Cartridge ${version}` });
    expect(done).toMatchObject({ status: "done", error: null });
    const [course] = await testDb().select().from(courses).where(eq(courses.id, done.course!.id));
    expect(course).toMatchObject({ status: "draft", teacherId: teacher.id, subject: "physics" });
    const read = (await readCourse(testDb(), course!.id, { withWork: false, site: "" }))!.manifest;
    expect(read.modules.length).toBe(preview.summary!.modules);
    expect(read.lessons.length).toBe(preview.summary!.lessons);
    expect(read.tasks.filter((task) => task.type === "quiz").length).toBe(preview.summary!.quizzes);
    // What the preview reported is what the finished import reports, plus what saving found.
    expect(done.notes.slice(0, preview.notes.length)).toEqual(preview.notes);
    expect(done.notes.length).toBeGreaterThan(0);
    const [audit] = await testDb().select().from(auditLog).where(and(eq(auditLog.action, "course.imported"), eq(auditLog.entityId, course!.id)));
    expect(audit?.actorId).toBe(teacher.id);
  });

  it("serves an imported page's image to the course's readers only", async () => {
    const file = tempFile("course.imscc", zipSync(Object.fromEntries(cc13Cartridge().entries)));
    const { done } = await importPackage(teacher, file);
    const db = testDb();
    const bodies = await db.select({ body: lessons.body }).from(lessons).innerJoin(modules, eq(modules.id, lessons.moduleId)).where(eq(modules.courseId, done.course!.id));
    const fileId = bodies.map((row) => /\/api\/files\/course\/([0-9a-f-]{36})/.exec(row.body)?.[1]).find(Boolean);
    expect(fileId).toBeDefined();
    const { getCurrentUser } = await import("@/lib/auth/current-user");
    const as = async (actor: CurrentUser | null) => {
      vi.mocked(getCurrentUser).mockResolvedValueOnce(actor);
      return (await serveCourseFile(new Request(`http://localhost/api/files/course/${fileId}`), { params: Promise.resolve({ fileId: fileId! }) })).status;
    };
    expect(await as(teacher)).toBe(200);
    const student = await createActor("student");
    expect(await as(student)).toBe(404);
    await db.update(courses).set({ status: "published" }).where(eq(courses.id, done.course!.id));
    await insertEnrollment(student.id, done.course!.id);
    expect(await as(student)).toBe(200);
    expect(await as(await createActor("teacher"))).toBe(404);
    expect(await as(null)).toBe(404);
  });

  it("refuses a cartridge whose manifest declares a document type, and keeps nothing", async () => {
    const manifest = `<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY x SYSTEM "file:///etc/passwd">]><manifest identifier="m">&x;</manifest>`;
    const uploaded = await uploadCoursePackage(testDb(), teacher, { name: "evil.imscc" }, bodyOf(tempFile("evil.imscc", zipSync({ "imsmanifest.xml": new TextEncoder().encode(manifest) }))));
    expect(uploaded).toMatchObject({ ok: false, status: 400 });
    expect(uploaded.ok ? "" : uploaded.error).toMatch(/document type/i);
  });
});

describe("exporting as a Common Cartridge", () => {
  it("tells the teacher beforehand what the cartridge leaves out, and nobody else anything", async () => {
    const db = testDb();
    const [source] = await db.select().from(courses).where(eq(courses.slug, "algebra-essentials"));
    const [owner] = await db.select().from(users).where(eq(users.id, source!.teacherId));
    const actor: CurrentUser = { id: owner!.id, email: owner!.email, username: owner!.username, displayName: null, role: owner!.role, gradeLevel: null };
    const told = await cartridgeExportNotes(db, actor, source!.id);
    expect(told?.title).toBe(source!.title);
    expect(told!.notes.length).toBeGreaterThan(0);
    expect(told!.notes.every((note) => note.where.length > 0 && note.message.length > 0)).toBe(true);
    expect(await cartridgeExportNotes(db, teacher, source!.id)).toBeNull();
    expect(await cartridgeExportNotes(db, await createActor("student"), source!.id)).toBeNull();
  });

  it("gives a cartridge that imports back as the same course outline, lessons and quiz questions", async () => {
    const db = testDb();
    const [source] = await db.select().from(courses).where(eq(courses.slug, "algebra-essentials"));
    const [owner] = await db.select().from(users).where(eq(users.id, source!.teacherId));
    const actor: CurrentUser = { id: owner!.id, email: owner!.email, username: owner!.username, displayName: null, role: owner!.role, gradeLevel: null };
    const exported = await exportCourse(db, actor, source!.id, "cartridge");
    expect(exported?.fileName).toMatch(/\.imscc$/);
    const file = await download(exported!.stream, "algebra.imscc");
    const { done } = await importPackage(actor, file, { subject: source!.subject });
    expect(done.status).toBe("done");

    const before = (await readCourse(db, source!.id, { withWork: false, site: "" }))!.manifest;
    const after = (await readCourse(db, done.course!.id, { withWork: false, site: "" }))!.manifest;
    expect(after.course.title).toBe(before.course.title);
    expect(after.modules.map((module) => module.title)).toEqual(before.modules.map((module) => module.title));
    const outline = (manifest: typeof before) =>
      manifest.lessons.map((lesson) => ({ module: manifest.modules.find((module) => module.id === lesson.moduleId)!.title, title: lesson.title }));
    expect(outline(after)).toEqual(outline(before));
    const questionTexts = (manifest: typeof before) =>
      manifest.questions
        .filter((question) => ["single_choice", "multiple_choice", "true_false", "short_answer", "essay"].includes(question.versions[0]!.type))
        .map((question) => question.versions.find((version) => version.isCurrent)!.text.replace(/\s+/g, " ").trim())
        .sort();
    expect(questionTexts(before).length).toBeGreaterThan(2);
    expect(questionTexts(after)).toEqual(questionTexts(before));
    expect(outline(before).length).toBeGreaterThan(3);
  });
});
