import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq, inArray } from "drizzle-orm";
import { zipSync } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  announcements,
  auditLog,
  courseFiles,
  courses,
  courseTransfers,
  enrollments,
  learningTasks,
  lessons,
  modules,
  notifications,
  questionCategories,
  questionFiles,
  quizAttempts,
  quizSlots,
  storedFiles,
  submissionFiles,
  submissions,
  users,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session-user";
import { courseManifestEntry } from "@/lib/course-transfer/manifest";
import { exportCourse } from "@/lib/course-transfer/export-course";
import { readCourse } from "@/lib/course-transfer/read-course";
import { fromWebStream } from "@/lib/course-transfer/web-stream";
import { cancelImport, confirmImport, requestCourseCopy } from "@/lib/course-transfer/transfers/transfer-commands";
import { loadTransfer } from "@/lib/course-transfer/transfers/transfer-queries";
import { uploadCoursePackage } from "@/lib/course-transfer/transfers/upload-package";
import { processPendingEvents } from "@/lib/events/process-events";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { seedDemoData } from "@/lib/seed/seed";
import { getStorage } from "@/lib/storage";
import { storeFile } from "@/lib/storage/store-file";
import { courseTransferJob } from "@/lib/worker/course-transfer-job";
import { canonical } from "./course-transfer-compare";
import { createUser, testDb } from "./helpers";
import { createActor } from "./learning-fixtures";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const dayMs = 24 * 60 * 60 * 1000;

let teacher: CurrentUser;
let courseId: string;

const actorOf = (row: typeof users.$inferSelect): CurrentUser => ({ id: row.id, email: row.email, username: row.username, displayName: row.displayName, role: row.role, gradeLevel: null });

beforeAll(async () => {
  const db = testDb();
  await seedDemoData(db);
  const [course] = await db.select().from(courses).where(eq(courses.slug, "algebra-essentials"));
  courseId = course!.id;
  const [owner] = await db.select().from(users).where(eq(users.id, course!.teacherId));
  teacher = actorOf(owner!);

  // What the demo course lacks and a course can hold: an image its text shows, a
  // question picture, a document lesson, a category tree with a random draw, a hand-in with a file.
  const image = await storeFile(db, { content: png, originalName: "graph.png", uploadedBy: teacher.id, courseId, maxBytes: 1_000_000 });
  await db.insert(courseFiles).values({ fileId: image.id, courseId });
  const picture = await storeFile(db, { content: png, originalName: "triangle.png", uploadedBy: teacher.id, courseId, maxBytes: 1_000_000 });
  await db.insert(questionFiles).values({ fileId: picture.id, courseId });
  const document = await storeFile(db, { content: pdf, originalName: "worksheet.pdf", uploadedBy: teacher.id, courseId, maxBytes: 1_000_000 });
  const [firstModule] = await db.select().from(modules).where(eq(modules.courseId, courseId)).orderBy(modules.position).limit(1);
  const [firstLesson] = await db.select().from(lessons).where(eq(lessons.moduleId, firstModule!.id)).orderBy(lessons.position).limit(1);
  await db
    .update(lessons)
    .set({ body: `See the graph: ![graph](/api/files/course/${image.id})\n\nThen read [the next lesson](/learn/${course!.slug}/${firstLesson!.id}).` })
    .where(eq(lessons.id, firstLesson!.id));
  await db.insert(lessons).values({ moduleId: firstModule!.id, title: "Worksheet", contentType: "file", fileId: document.id, position: 99 });
  const [parent] = await db.insert(questionCategories).values({ courseId, name: "Algebra" }).returning();
  await db.insert(questionCategories).values({ courseId, name: "Equations", parentId: parent!.id });
  const { insertBankQuestions } = await import("@/lib/question-bank/insert-bank-questions");
  await insertBankQuestions(db, courseId, teacher.id, [
    {
      categoryId: parent!.id,
      tags: ["geometry"],
      content: {
        type: "single_choice",
        text: `Which triangle? ![t](/api/files/questions/${picture.id})`,
        points: 2,
        explanation: "",
        acceptedAnswers: [],
        numericValue: null,
        numericTolerance: 0,
        choices: [
          { text: "Right", isCorrect: true },
          { text: "Obtuse", isCorrect: false },
        ],
      },
    },
  ]);
  const [quiz] = await db.select().from(learningTasks).where(and(eq(learningTasks.courseId, courseId), eq(learningTasks.type, "quiz"))).limit(1);
  await db.insert(quizSlots).values({ taskId: quiz!.id, position: 50, categoryId: parent!.id, includeSubcategories: true, drawCount: 1, points: 3 });
  await db.update(learningTasks).set({ dueAt: new Date(Date.now() + 10 * dayMs) }).where(eq(learningTasks.id, quiz!.id));

  const [assignment] = await db.select().from(learningTasks).where(and(eq(learningTasks.courseId, courseId), eq(learningTasks.type, "assignment"))).limit(1);
  const [enrolled] = await db.select({ userId: enrollments.userId }).from(enrollments).where(eq(enrollments.courseId, courseId)).limit(1);
  const handIn = await storeFile(db, { content: pdf, originalName: "my-answers.pdf", uploadedBy: enrolled!.userId, maxBytes: 1_000_000 });
  const [submission] = await db.insert(submissions).values({ taskId: assignment!.id, userId: enrolled!.userId, version: 1, text: "My work" }).returning();
  await db.insert(submissionFiles).values({ submissionId: submission!.id, fileId: handIn.id });
  await db.insert(announcements).values({ courseId, authorId: teacher.id, title: "Welcome", body: "See ![the graph](/api/files/course/" + image.id + ")" });
});

async function runJobs() {
  await courseTransferJob.run(testDb(), new Date());
}

/** A download written to a file, as a browser saves it. */
async function saveDownload(stream: ReadableStream<Uint8Array>): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-download-")), "course.zip");
  const chunks: Uint8Array[] = [];
  for await (const chunk of fromWebStream(stream)) chunks.push(chunk);
  fs.writeFileSync(file, Buffer.concat(chunks));
  return file;
}

const bodyOf = (file: string) => ({ body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>, declaredLength: fs.statSync(file).size, ip: null });

describe("copying a course", () => {
  it("makes a new draft with every module, lesson, file, question, quiz and assignment, and no students", async () => {
    const db = testDb();
    const { transferId } = await db.transaction((tx) => requestCourseCopy(tx, teacher, { courseId, title: "Algebra, next term", dateOffsetDays: 7 }));
    expect((await loadTransfer(db, teacher, transferId))?.status).toBe("queued");
    await runJobs();

    const transfer = await loadTransfer(db, teacher, transferId);
    expect(transfer).toMatchObject({ status: "done", error: null });
    expect(transfer!.stepsDone).toBe(transfer!.stepsTotal);
    const copyId = transfer!.course!.id;
    const [copy] = await db.select().from(courses).where(eq(courses.id, copyId));
    expect(copy).toMatchObject({ title: "Algebra, next term", status: "draft", teacherId: teacher.id, studentCount: 0 });

    const source = (await readCourse(db, courseId, { withWork: false, site: "" }))!;
    const copied = (await readCourse(db, copyId, { withWork: false, site: "" }))!;
    const expected = canonical(source.manifest);
    // The copy's due dates are a week later; everything else is the same course.
    expected.tasks = expected.tasks.map((task) => ({ ...task, dueAt: task.dueAt === null ? null : new Date(new Date(task.dueAt).getTime() + 7 * dayMs).toISOString() }));
    expect({ ...canonical(copied.manifest), course: null }).toEqual({ ...expected, course: null });
    expect(source.manifest.files.map((file) => `${file.role}:${file.name}`)).toEqual(expect.arrayContaining(["lesson:worksheet.pdf", "content:graph.png", "question:triangle.png"]));

    // The copy has its own stored objects: the source's can go without breaking it.
    const sourceKeys = new Set(source.storageKeys.values());
    for (const key of copied.storageKeys.values()) {
      expect(sourceKeys.has(key)).toBe(false);
      expect(await getStorage().exists(key)).toBe(true);
    }
    // Text points at the copy's own files and lessons.
    const [lesson] = await db.select({ body: lessons.body }).from(lessons).innerJoin(modules, eq(modules.id, lessons.moduleId)).where(and(eq(modules.courseId, copyId), eq(lessons.position, 0))).orderBy(modules.position).limit(1);
    expect(lesson!.body).toMatch(new RegExp(`/api/files/course/[0-9a-f-]{36}\\)`));
    expect(lesson!.body).toContain(`/learn/${copy!.slug}/`);
    for (const id of source.storageKeys.keys()) expect(lesson!.body).not.toContain(id);
    expect(await db.select().from(enrollments).where(eq(enrollments.courseId, copyId))).toHaveLength(0);
    expect(await db.select().from(quizAttempts).innerJoin(learningTasks, eq(learningTasks.id, quizAttempts.taskId)).where(eq(learningTasks.courseId, copyId))).toHaveLength(0);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "course.copied"), eq(auditLog.entityId, copyId)));
    expect(audit).toMatchObject({ actorId: teacher.id });
    await processPendingEvents(db, notificationHandlers);
    const [note] = await db.select().from(notifications).where(and(eq(notifications.userId, teacher.id), eq(notifications.link, `/teacher/transfers/${transferId}`)));
    expect(note?.title).toBe("Course copied: Algebra, next term");
  });

  it("is refused for another teacher and for a student, as not found, and queues nothing", async () => {
    const db = testDb();
    for (const actor of [await createActor("teacher"), await createActor("student")]) {
      await expect(db.transaction((tx) => requestCourseCopy(tx, actor, { courseId, title: null, dateOffsetDays: 0 }))).rejects.toThrow(/does not exist/);
      expect(await db.select().from(courseTransfers).where(eq(courseTransfers.requestedBy, actor.id))).toHaveLength(0);
    }
  });

  it("keeps a course's progress with the teacher who asked: another teacher cannot read it", async () => {
    const db = testDb();
    const { transferId } = await db.transaction((tx) => requestCourseCopy(tx, teacher, { courseId, title: null, dateOffsetDays: 0 }));
    expect(await loadTransfer(db, await createActor("teacher"), transferId)).toBeNull();
    const admin = await createActor("admin");
    expect((await loadTransfer(db, admin, transferId))?.id).toBe(transferId);
    await runJobs();
    expect((await loadTransfer(db, teacher, transferId))?.title).toBe("Algebra Essentials (copy)");
  });
});

describe("backing up and restoring a course", () => {
  it("restores a backup with enrolments and work as a new course of the importer, equal to the source", async () => {
    const db = testDb();
    const download = await exportCourse(db, teacher, courseId, "backup-with-work");
    expect(download?.fileName).toMatch(/^algebra-essentials-archive-\d{4}-\d{2}-\d{2}\.zip$/);
    const file = await saveDownload(download!.stream);

    const importer = actorOf((await db.select().from(users).where(eq(users.id, (await createUser({ role: "teacher" })).id)))[0]!);
    const uploaded = await uploadCoursePackage(db, importer, { name: "algebra.zip" }, bodyOf(file));
    expect(uploaded.ok).toBe(true);
    const transferId = uploaded.ok ? uploaded.file.id : "";
    const preview = await loadTransfer(db, importer, transferId);
    expect(preview).toMatchObject({ status: "uploaded", kind: "restore", hasWork: true, describedAs: "Jeevi Academy course backup" });
    expect(preview!.summary!.students).toBeGreaterThan(0);

    await db.transaction((tx) => confirmImport(tx, importer, { transferId, title: null, dateOffsetDays: 0, withWork: true, subject: null }));
    await runJobs();
    const done = await loadTransfer(db, importer, transferId);
    expect(done).toMatchObject({ status: "done", error: null });
    const restoredId = done!.course!.id;
    const [restored] = await db.select().from(courses).where(eq(courses.id, restoredId));
    expect(restored).toMatchObject({ teacherId: importer.id, status: "draft", title: "Algebra Essentials" });

    const source = (await readCourse(db, courseId, { withWork: true, site: "" }))!;
    const back = (await readCourse(db, restoredId, { withWork: true, site: "" }))!;
    const { work: sourceWork, ...sourceShape } = canonical(source.manifest, { keepWork: true });
    const { work: backWork, ...backShape } = canonical(back.manifest, { keepWork: true });
    expect(backShape).toEqual(sourceShape);
    expect(backWork!.enrollments.length).toBe(sourceWork!.enrollments.length);
    expect(backWork!.attempts.length).toBe(sourceWork!.attempts.length);
    expect(backWork!.submissions.map((row) => row.text)).toEqual(sourceWork!.submissions.map((row) => row.text));
    expect(backWork!.submissions.flatMap((row) => row.fileIds)).toHaveLength(1);
    const [announcement] = await db.select().from(announcements).where(eq(announcements.courseId, restoredId));
    expect(announcement).toMatchObject({ title: "Welcome", authorId: teacher.id });
    expect(announcement!.body).toMatch(/\/api\/files\/course\/[0-9a-f-]{36}\)$/);
    expect(announcement!.body).not.toContain(source.manifest.files.find((file) => file.name === "graph.png")!.id);
    expect(restored!.studentCount).toBe(sourceWork!.enrollments.filter((row) => row.status === "active" || row.status === "completed").length);
    // The package is gone once read.
    const [row] = await db.select().from(courseTransfers).where(eq(courseTransfers.id, transferId));
    expect(row!.archiveFileId).toBeNull();
  });

  it("refuses a backup from a newer format, a damaged one, and a zip that is neither kind, keeping nothing", async () => {
    const db = testDb();
    const before = (await db.select({ id: storedFiles.id }).from(storedFiles)).length;
    const write = (entries: Record<string, Uint8Array>) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-package-")), "package.zip");
      fs.writeFileSync(file, zipSync(entries));
      return file;
    };
    const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const newer = await uploadCoursePackage(db, teacher, { name: "newer.zip" }, bodyOf(write({ [courseManifestEntry]: json({ format: "jeevi-academy-course", schemaVersion: 99 }) })));
    expect(newer).toMatchObject({ ok: false, status: 400 });
    expect(newer.ok ? "" : newer.error).toMatch(/newer Jeevi Academy \(course format 99\).*Update this site/);

    const source = (await readCourse(db, courseId, { withWork: false, site: "" }))!.manifest;
    const broken = { ...source, lessons: [{ ...source.lessons[0]!, moduleId: "no-such-module" }] };
    const inconsistent = await uploadCoursePackage(db, teacher, { name: "broken.zip" }, bodyOf(write({ [courseManifestEntry]: json(broken) })));
    expect(inconsistent.ok ? "" : inconsistent.error).toMatch(/names the module no-such-module, which the document does not hold/);

    const neither = await uploadCoursePackage(db, teacher, { name: "photos.zip" }, bodyOf(write({ "a.txt": json("hello") })));
    expect(neither.ok ? "" : neither.error).toMatch(/neither a Jeevi Academy course backup.*nor a Common Cartridge/);

    const text = await uploadCoursePackage(db, teacher, { name: "notes.txt" }, { body: new Blob(["just text"]).stream(), declaredLength: 9, ip: null });
    expect(text).toMatchObject({ ok: false, status: 415 });
    expect((await db.select({ id: storedFiles.id }).from(storedFiles)).length).toBe(before);
  });

  it("lets the importer cancel a previewed package, which removes it", async () => {
    const db = testDb();
    const file = await saveDownload((await exportCourse(db, teacher, courseId, "backup"))!.stream);
    const uploaded = await uploadCoursePackage(db, teacher, { name: "again.zip" }, bodyOf(file));
    const transferId = uploaded.ok ? uploaded.file.id : "";
    const [row] = await db.select().from(courseTransfers).where(eq(courseTransfers.id, transferId));
    const stranger = await createActor("teacher");
    await expect(db.transaction((tx) => cancelImport(tx, stranger, { transferId }))).rejects.toThrow(/does not exist/);
    await db.transaction((tx) => cancelImport(tx, teacher, { transferId }));
    expect(await db.select().from(courseTransfers).where(eq(courseTransfers.id, transferId))).toHaveLength(0);
    expect(await db.select().from(storedFiles).where(inArray(storedFiles.id, [row!.archiveFileId!]))).toHaveLength(0);
  });

  it("does not export for another teacher or a student", async () => {
    const db = testDb();
    expect(await exportCourse(db, await createActor("teacher"), courseId, "backup")).toBeNull();
    expect(await exportCourse(db, await createActor("student"), courseId, "backup-with-work")).toBeNull();
  });
});
