import { randomUUID } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { courses, domainEvents, lessonCompletions, lessons, modules, storedFiles } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/session-user";
import { addLessonAction } from "@/lib/authoring/actions/add-lesson-action";
import { addModuleAction } from "@/lib/authoring/actions/add-module-action";
import { deleteLessonAction } from "@/lib/authoring/actions/delete-lesson-action";
import { deleteModuleAction } from "@/lib/authoring/actions/delete-module-action";
import { editLessonAction } from "@/lib/authoring/actions/edit-lesson-action";
import { editModuleAction } from "@/lib/authoring/actions/edit-module-action";
import { moveLessonAction } from "@/lib/authoring/actions/move-lesson-action";
import { previewMarkdownAction } from "@/lib/authoring/actions/preview-markdown-action";
import { reorderLessonsAction } from "@/lib/authoring/actions/reorder-lessons-action";
import { reorderModulesAction } from "@/lib/authoring/actions/reorder-modules-action";
import { shiftLessonAction } from "@/lib/authoring/actions/shift-lesson-action";
import { shiftModuleAction } from "@/lib/authoring/actions/shift-module-action";
import { courseNotFoundMessage, lessonNotFoundMessage, moduleNotFoundMessage, staleOrderMessage } from "@/lib/authoring/messages";
import { loadCourseStructure } from "@/lib/authoring/queries";
import { completeLesson } from "@/lib/progress/complete-lesson";
import { countQueries, testDb } from "./helpers";
import { createActor, createCourse, enrollmentOf, insertEnrollment, type CourseFixture } from "./learning-fixtures";

// The real exported actions, called as the browser would: only the session
// reader (which needs the Next.js runtime) and the cache are replaced.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

/** Runs an action as `actor`, the way a request signed in as that user would. */
async function as<I, T>(actor: CurrentUser, action: (input: I) => Promise<ActionResult<T>>, input: I): Promise<ActionResult<T>> {
  vi.mocked(getCurrentUser).mockResolvedValue(actor);
  return action(input);
}

async function ok<I, T>(actor: CurrentUser, action: (input: I) => Promise<ActionResult<T>>, input: I): Promise<T> {
  const result = await as(actor, action, input);
  if (!result.ok) throw new Error(`Expected success, got: ${result.error} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

/** The course's modules and lessons straight from the tables, in position order. */
async function structureOf(courseId: string) {
  const moduleRows = await testDb()
    .select({ id: modules.id, title: modules.title, description: modules.description, position: modules.position })
    .from(modules)
    .where(eq(modules.courseId, courseId))
    .orderBy(asc(modules.position), asc(modules.id));
  const lessonRows = moduleRows.length
    ? await testDb()
        .select()
        .from(lessons)
        .where(
          inArray(
            lessons.moduleId,
            moduleRows.map((row) => row.id),
          ),
        )
        .orderBy(asc(lessons.position), asc(lessons.id))
    : [];
  return moduleRows.map((row) => ({ ...row, lessons: lessonRows.filter((lesson) => lesson.moduleId === row.id) }));
}

/** Positions are 0..n-1 for the modules and, in each module, for its lessons. */
async function expectDense(courseId: string) {
  const structure = await structureOf(courseId);
  expect(structure.map((row) => row.position)).toEqual(structure.map((_, index) => index));
  for (const row of structure) expect(row.lessons.map((lesson) => lesson.position)).toEqual(row.lessons.map((_, index) => index));
  return structure;
}

const lessonIdsOf = async (moduleId: string) =>
  (await testDb().select({ id: lessons.id }).from(lessons).where(eq(lessons.moduleId, moduleId)).orderBy(asc(lessons.position))).map(
    (row) => row.id,
  );

async function insertFile(uploadedBy: string | null, mimeType = "application/pdf") {
  const [row] = await testDb()
    .insert(storedFiles)
    .values({
      storageKey: `${randomUUID()}.${mimeType === "application/pdf" ? "pdf" : "mp4"}`,
      originalName: mimeType === "application/pdf" ? "notes.pdf" : "clip.mp4",
      mimeType,
      sizeBytes: 1234,
      sha256: "0".repeat(64),
      uploadedBy,
    })
    .returning({ id: storedFiles.id });
  return row!.id;
}

const textLesson = (title: string) => ({ title, contentType: "text" as const, body: `# ${title}`, durationMinutes: 10 });

let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let student: CurrentUser;
let admin: CurrentUser;
let course: CourseFixture;

beforeEach(async () => {
  [teacher, otherTeacher, student, admin] = await Promise.all([
    createActor("teacher"),
    createActor("teacher"),
    createActor("student"),
    createActor("admin"),
  ]);
  course = await createCourse(teacher.id, { status: "draft", modules: 3, lessonsPerModule: 3 });
});

describe("modules", () => {
  it("are added at the end, renamed, and deleted with their lessons, completions and files", async () => {
    const added = await ok(teacher, addModuleAction, { courseId: course.id, title: "  Heat engines ", description: "Carnot and friends" });
    expect(added.position).toBe(3);
    let structure = await expectDense(course.id);
    expect(structure.at(-1)).toMatchObject({ id: added.moduleId, title: "Heat engines", description: "Carnot and friends" });

    await ok(teacher, editModuleAction, { courseId: course.id, moduleId: added.moduleId, title: "Engines", description: "" });
    structure = await structureOf(course.id);
    expect(structure.at(-1)).toMatchObject({ title: "Engines", description: "" });

    // The second module goes, with a lesson that has a file and a completion.
    const doomed = course.moduleIds[1]!;
    const fileId = await insertFile(teacher.id);
    await testDb().update(lessons).set({ contentType: "file", fileId }).where(eq(lessons.id, course.lessonIds[3]!));
    const learner = await createActor("student");
    await testDb().update(courses).set({ status: "published" }).where(eq(courses.id, course.id));
    await insertEnrollment(learner.id, course.id);
    await completeLesson(testDb(), learner, course.lessonIds[3]!);

    const deleted = await ok(teacher, deleteModuleAction, { courseId: course.id, moduleId: doomed });
    expect(deleted).toMatchObject({ deletedLessons: 3, deletedFiles: [fileId] });
    structure = await expectDense(course.id);
    expect(structure.map((row) => row.id)).toEqual([course.moduleIds[0], course.moduleIds[2], added.moduleId]);
    expect(await testDb().select().from(lessons).where(eq(lessons.moduleId, doomed))).toEqual([]);
    expect(await testDb().select().from(storedFiles).where(eq(storedFiles.id, fileId))).toEqual([]);
    expect(await testDb().select().from(lessonCompletions).where(eq(lessonCompletions.userId, learner.id))).toEqual([]);
    // Progress follows: 0 of the 6 lessons left.
    const [enrollment] = await enrollmentOf(learner.id, course.id);
    expect(Number(enrollment!.progressPercent)).toBe(0);
  });

  it("refuse a blank or too long title with field errors", async () => {
    const blank = await as(teacher, addModuleAction, { courseId: course.id, title: "   " });
    expect(blank).toMatchObject({ ok: false, fieldErrors: { title: ["Enter a title."] } });
    const long = await as(teacher, editModuleAction, { courseId: course.id, moduleId: course.moduleIds[0]!, title: "x".repeat(201) });
    expect(long).toMatchObject({ ok: false, fieldErrors: { title: ["A title has at most 200 characters."] } });
    expect((await structureOf(course.id)).map((row) => row.title)).toEqual(["Module 1", "Module 2", "Module 3"]);
  });

  it("are reordered by a whole list, and a list that is not exactly the course's modules is refused", async () => {
    const [a, b, c] = course.moduleIds as [string, string, string];
    await ok(teacher, reorderModulesAction, { courseId: course.id, moduleIds: [c, a, b] });
    expect((await expectDense(course.id)).map((row) => row.id)).toEqual([c, a, b]);

    const elsewhere = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
    for (const moduleIds of [[a, b], [a, b, c, elsewhere.moduleIds[0]!], [a, b, elsewhere.moduleIds[0]!], [a, a, b]]) {
      const result = await as(teacher, reorderModulesAction, { courseId: course.id, moduleIds });
      expect(result.ok).toBe(false);
    }
    const missing = await as(teacher, reorderModulesAction, { courseId: course.id, moduleIds: [a, b] });
    expect(missing).toEqual({ ok: false, error: staleOrderMessage, fieldErrors: {} });
    expect((await expectDense(course.id)).map((row) => row.id)).toEqual([c, a, b]);
  });

  it("move up and down one place, and stay put at either end", async () => {
    const [a, b, c] = course.moduleIds as [string, string, string];
    await ok(teacher, shiftModuleAction, { courseId: course.id, moduleId: c, direction: "up" });
    expect((await expectDense(course.id)).map((row) => row.id)).toEqual([a, c, b]);
    await ok(teacher, shiftModuleAction, { courseId: course.id, moduleId: a, direction: "down" });
    expect((await expectDense(course.id)).map((row) => row.id)).toEqual([c, a, b]);
    await ok(teacher, shiftModuleAction, { courseId: course.id, moduleId: c, direction: "up" });
    await ok(teacher, shiftModuleAction, { courseId: course.id, moduleId: b, direction: "down" });
    expect((await expectDense(course.id)).map((row) => row.id)).toEqual([c, a, b]);
  });
});

describe("lessons", () => {
  it("of every kind are added at the end of their module and edited", async () => {
    const moduleId = course.moduleIds[0]!;
    const fileId = await insertFile(teacher.id);
    const videoFileId = await insertFile(teacher.id, "video/mp4");
    const inputs = [
      textLesson("Entropy"),
      { title: "A video", contentType: "video" as const, externalUrl: "https://youtu.be/dQw4w9WgXcQ" },
      { title: "An uploaded video", contentType: "video" as const, fileId: videoFileId, externalUrl: "ignored when a file is given" },
      { title: "Tables", contentType: "file" as const, fileId, body: "Steam tables." },
      { title: "Reading", contentType: "url" as const, externalUrl: "https://example.org/heat", body: "Read it", fileId },
    ];
    for (const [index, input] of inputs.entries()) {
      const added = await ok(teacher, addLessonAction, { courseId: course.id, moduleId, ...input });
      expect(added.position).toBe(3 + index);
    }
    const [first] = await expectDense(course.id);
    expect(first!.lessons.slice(3).map(({ title, contentType, externalUrl, fileId: file, durationMinutes }) => ({ title, contentType, externalUrl, file, durationMinutes }))).toEqual([
      { title: "Entropy", contentType: "text", externalUrl: null, file: null, durationMinutes: 10 },
      { title: "A video", contentType: "video", externalUrl: "https://youtu.be/dQw4w9WgXcQ", file: null, durationMinutes: null },
      { title: "An uploaded video", contentType: "video", externalUrl: null, file: videoFileId, durationMinutes: null },
      { title: "Tables", contentType: "file", externalUrl: null, file: fileId, durationMinutes: null },
      // A url lesson keeps no file, whatever the form still held.
      { title: "Reading", contentType: "url", externalUrl: "https://example.org/heat", file: null, durationMinutes: null },
    ]);

    const entropy = first!.lessons[3]!;
    await ok(teacher, editLessonAction, {
      courseId: course.id,
      lessonId: entropy.id,
      title: "Entropy, again",
      contentType: "url",
      externalUrl: "http://example.org/entropy",
      durationMinutes: 25,
    });
    const [edited] = await testDb().select().from(lessons).where(eq(lessons.id, entropy.id));
    expect(edited).toMatchObject({ title: "Entropy, again", contentType: "url", externalUrl: "http://example.org/entropy", durationMinutes: 25, position: 3 });
  });

  it("are refused with field errors when their content does not fit their kind", async () => {
    const base = { courseId: course.id, moduleId: course.moduleIds[0]! };
    const cases: [object, string, string][] = [
      [{ title: "T", contentType: "text", body: "  " }, "body", "Write the lesson's text."],
      [{ title: "V", contentType: "video" }, "externalUrl", "Paste a YouTube or Vimeo link, or upload a video file."],
      [{ title: "V", contentType: "video", externalUrl: "https://evil.example/watch?v=dQw4w9WgXcQ" }, "externalUrl", "Only YouTube and Vimeo links can be embedded."],
      [{ title: "F", contentType: "file" }, "fileId", "Upload the document for this lesson."],
      [{ title: "U", contentType: "url", externalUrl: "javascript:alert(1)" }, "externalUrl", "Enter a web address starting with https:// or http://."],
      [{ title: "D", contentType: "text", body: "x", durationMinutes: 1441 }, "durationMinutes", "A lesson lasts at most 1440 minutes (a day)."],
    ];
    for (const [input, field, message] of cases) {
      const result = await as(teacher, addLessonAction, { ...base, ...input } as Parameters<typeof addLessonAction>[0]);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, fieldErrors: { [field]: [message] } });
    }
    expect(await lessonIdsOf(course.moduleIds[0]!)).toHaveLength(3);
  });

  it("only take files the teacher uploaded or the course already uses, and videos only as video files", async () => {
    const base = { courseId: course.id, moduleId: course.moduleIds[0]!, title: "Doc", contentType: "file" as const };
    const someoneElses = await insertFile(otherTeacher.id);
    const otherCourse = await createCourse(otherTeacher.id, { modules: 1, lessonsPerModule: 1 });
    const usedElsewhere = await insertFile(teacher.id);
    await testDb().update(lessons).set({ contentType: "file", fileId: usedElsewhere }).where(eq(lessons.id, otherCourse.lessonIds[0]!));
    const refusal = { ok: false, error: "The uploaded file was not found. Upload it again." };
    expect(await as(teacher, addLessonAction, { ...base, fileId: someoneElses })).toMatchObject(refusal);
    expect(await as(teacher, addLessonAction, { ...base, fileId: usedElsewhere })).toMatchObject(refusal);
    expect(await as(teacher, addLessonAction, { ...base, fileId: randomUUID() })).toMatchObject(refusal);
    const pdf = await insertFile(teacher.id);
    expect(await as(teacher, addLessonAction, { ...base, contentType: "video", fileId: pdf })).toMatchObject({
      ok: false,
      fieldErrors: { fileId: ["This file is not a video. Upload an MP4 or WebM file."] },
    });
    expect(await lessonIdsOf(course.moduleIds[0]!)).toHaveLength(3);

    // Once part of the course, the admin (who did not upload it) may keep it in an edit.
    const { lessonId } = await ok(teacher, addLessonAction, { ...base, fileId: pdf });
    await ok(admin, editLessonAction, { courseId: course.id, lessonId, title: "Doc (revised)", contentType: "file", fileId: pdf });
  });

  it("deleting a lesson deletes its stored file and closes the gap", async () => {
    const fileId = await insertFile(teacher.id);
    const { lessonId } = await ok(teacher, addLessonAction, { courseId: course.id, moduleId: course.moduleIds[1]!, title: "Doc", contentType: "file", fileId });
    await ok(teacher, shiftLessonAction, { courseId: course.id, lessonId, direction: "up" });
    const deleted = await ok(teacher, deleteLessonAction, { courseId: course.id, lessonId });
    expect(deleted.deletedFiles).toEqual([fileId]);
    expect(await testDb().select().from(storedFiles).where(eq(storedFiles.id, fileId))).toEqual([]);
    await expectDense(course.id);
    expect(await lessonIdsOf(course.moduleIds[1]!)).toEqual(course.lessonIds.slice(3, 6));

    // Deleting a lesson from the middle renumbers the rest.
    await ok(teacher, deleteLessonAction, { courseId: course.id, lessonId: course.lessonIds[4]! });
    const structure = await expectDense(course.id);
    expect(structure[1]!.lessons.map((lesson) => lesson.id)).toEqual([course.lessonIds[3], course.lessonIds[5]]);
  });

  it("replacing or dropping a lesson's file deletes the old one", async () => {
    const first = await insertFile(teacher.id);
    const second = await insertFile(teacher.id);
    const { lessonId } = await ok(teacher, addLessonAction, { courseId: course.id, moduleId: course.moduleIds[0]!, title: "Doc", contentType: "file", fileId: first });
    const replaced = await ok(teacher, editLessonAction, { courseId: course.id, lessonId, title: "Doc", contentType: "file", fileId: second });
    expect(replaced.deletedFiles).toEqual([first]);
    const dropped = await ok(teacher, editLessonAction, { courseId: course.id, lessonId, title: "Doc", contentType: "text", body: "Now text", fileId: second });
    expect(dropped.deletedFiles).toEqual([second]);
    expect(await testDb().select().from(storedFiles).where(inArray(storedFiles.id, [first, second]))).toEqual([]);
  });

  it("are reordered within a module, moved up and down, and moved between modules with both renumbered", async () => {
    const [m1, m2] = course.moduleIds as [string, string];
    const [l1, l2, l3, l4, l5, l6] = course.lessonIds as [string, string, string, string, string, string];
    await ok(teacher, reorderLessonsAction, { courseId: course.id, moduleId: m1, lessonIds: [l3, l1, l2] });
    expect(await lessonIdsOf(m1)).toEqual([l3, l1, l2]);
    const stale = await as(teacher, reorderLessonsAction, { courseId: course.id, moduleId: m1, lessonIds: [l3, l1, l4] });
    expect(stale).toEqual({ ok: false, error: staleOrderMessage, fieldErrors: {} });

    await ok(teacher, shiftLessonAction, { courseId: course.id, lessonId: l2, direction: "up" });
    expect(await lessonIdsOf(m1)).toEqual([l3, l2, l1]);
    await ok(teacher, shiftLessonAction, { courseId: course.id, lessonId: l3, direction: "up" });
    expect(await lessonIdsOf(m1)).toEqual([l3, l2, l1]);

    const moved = await ok(teacher, moveLessonAction, { courseId: course.id, lessonId: l2, toModuleId: m2, toIndex: 1 });
    expect(moved).toMatchObject({ moduleId: m2, position: 1 });
    expect(await lessonIdsOf(m1)).toEqual([l3, l1]);
    expect(await lessonIdsOf(m2)).toEqual([l4, l2, l5, l6]);
    await expectDense(course.id);

    // Past the end means last; within the same module it is a reorder.
    await ok(teacher, moveLessonAction, { courseId: course.id, lessonId: l3, toModuleId: m2, toIndex: 99 });
    await ok(teacher, moveLessonAction, { courseId: course.id, lessonId: l4, toModuleId: m2, toIndex: 3 });
    expect(await lessonIdsOf(m1)).toEqual([l1]);
    expect(await lessonIdsOf(m2)).toEqual([l2, l5, l6, l4, l3]);
    await expectDense(course.id);

    // Another course's module is not a destination.
    const elsewhere = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
    const foreign = await as(teacher, moveLessonAction, { courseId: course.id, lessonId: l1, toModuleId: elsewhere.moduleIds[0]!, toIndex: 0 });
    expect(foreign).toEqual({ ok: false, error: moduleNotFoundMessage, fieldErrors: {} });
    expect(await lessonIdsOf(m1)).toEqual([l1]);
  });
});

describe("two editors at once", () => {
  it("two concurrent reorders of the modules leave one of the two orders, dense", async () => {
    const [a, b, c] = course.moduleIds as [string, string, string];
    for (let round = 0; round < 5; round++) {
      const first = [c, b, a];
      const second = [b, a, c];
      const results = await Promise.all([
        as(teacher, reorderModulesAction, { courseId: course.id, moduleIds: first }),
        as(teacher, reorderModulesAction, { courseId: course.id, moduleIds: second }),
      ]);
      expect(results.map((result) => result.ok)).toEqual([true, true]);
      const order = (await expectDense(course.id)).map((row) => row.id);
      expect([first, second]).toContainEqual(order);
      await ok(teacher, reorderModulesAction, { courseId: course.id, moduleIds: [a, b, c] });
    }
  });

  it("two concurrent reorders of a module's lessons leave one of the two orders, dense", async () => {
    const moduleId = course.moduleIds[0]!;
    const [l1, l2, l3] = course.lessonIds as [string, string, string];
    const first = [l3, l1, l2];
    const second = [l2, l3, l1];
    await Promise.all([
      ok(teacher, reorderLessonsAction, { courseId: course.id, moduleId, lessonIds: first }),
      ok(admin, reorderLessonsAction, { courseId: course.id, moduleId, lessonIds: second }),
    ]);
    await expectDense(course.id);
    expect([first, second]).toContainEqual(await lessonIdsOf(moduleId));
  });

  it("concurrent additions, moves and deletions keep every position dense", async () => {
    const [m1, m2, m3] = course.moduleIds as [string, string, string];
    const results = await Promise.all([
      as(teacher, addModuleAction, { courseId: course.id, title: "Extra 1" }),
      as(teacher, addModuleAction, { courseId: course.id, title: "Extra 2" }),
      as(teacher, addLessonAction, { courseId: course.id, moduleId: m1, ...textLesson("New A") }),
      as(teacher, addLessonAction, { courseId: course.id, moduleId: m1, ...textLesson("New B") }),
      as(teacher, moveLessonAction, { courseId: course.id, lessonId: course.lessonIds[4]!, toModuleId: m1, toIndex: 0 }),
      as(teacher, deleteLessonAction, { courseId: course.id, lessonId: course.lessonIds[0]! }),
      as(teacher, shiftModuleAction, { courseId: course.id, moduleId: m3, direction: "up" }),
      as(teacher, deleteModuleAction, { courseId: course.id, moduleId: m2 }),
    ]);
    // The move and the deletion of m2 race: the lesson is either moved out of m2
    // first, or deleted with it and then not found by the move.
    const failures = results.filter((result) => !result.ok);
    expect(failures).toEqual(results[4]!.ok ? [] : [{ ok: false, error: lessonNotFoundMessage, fieldErrors: {} }]);
    const structure = await expectDense(course.id);
    expect(structure.map((row) => row.title).sort()).toEqual(["Extra 1", "Extra 2", "Module 1", "Module 3"]);
    // 9 lessons, 2 added, 1 deleted, and m2's 3 (or 2 if one moved out first) deleted with it.
    expect(structure.flatMap((row) => row.lessons)).toHaveLength(results[4]!.ok ? 8 : 7);
  });
});

describe("students' progress and the notifications", () => {
  it("a lesson added to a course a student had completed turns the enrolment back to active with a lower percentage", async () => {
    const published = await createCourse(teacher.id, { status: "published", modules: 1, lessonsPerModule: 2 });
    const learner = await createActor("student");
    await insertEnrollment(learner.id, published.id);
    for (const lessonId of published.lessonIds) await completeLesson(testDb(), learner, lessonId);
    const before = (await enrollmentOf(learner.id, published.id))[0]!;
    expect([before.status, Number(before.progressPercent)]).toEqual(["completed", 100]);

    const { lessonId } = await ok(teacher, addLessonAction, { courseId: published.id, moduleId: published.moduleIds[0]!, ...textLesson("Bonus") });
    const [after] = await enrollmentOf(learner.id, published.id);
    expect(after).toMatchObject({ status: "active", completedAt: null });
    expect(Number(after!.progressPercent)).toBeCloseTo(66.67, 2);

    // Deleting it again completes the course again.
    await ok(teacher, deleteLessonAction, { courseId: published.id, lessonId });
    const again = (await enrollmentOf(learner.id, published.id))[0]!;
    expect([again.status, Number(again.progressPercent)]).toEqual(["completed", 100]);
  });

  it("publishes lesson.published for a lesson added to a published course, and nothing for a draft", async () => {
    const published = await createCourse(teacher.id, { status: "published", modules: 1, lessonsPerModule: 0 });
    const { lessonId } = await ok(teacher, addLessonAction, { courseId: published.id, moduleId: published.moduleIds[0]!, ...textLesson("News") });
    const publishedEvents = () => testDb().select().from(domainEvents).where(eq(domainEvents.type, "lesson.published"));
    const events = (await publishedEvents()).filter((event) => event.aggregateId === lessonId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ aggregateType: "lesson", actorId: teacher.id, payload: { lessonId, courseId: published.id } });

    const before = (await publishedEvents()).length;
    const draft = await ok(teacher, addLessonAction, { courseId: course.id, moduleId: course.moduleIds[0]!, ...textLesson("Draft news") });
    await ok(teacher, editLessonAction, { courseId: published.id, lessonId, ...textLesson("News, edited") });
    const after = await publishedEvents();
    expect(after).toHaveLength(before);
    expect(after.filter((event) => event.aggregateId === draft.lessonId)).toEqual([]);
  });
});

describe("who may edit", () => {
  it("another teacher and a student get not-found from every action, and nothing changes", async () => {
    const before = await structureOf(course.id);
    const fileId = await insertFile(teacher.id);
    await testDb().update(lessons).set({ contentType: "file", fileId }).where(eq(lessons.id, course.lessonIds[0]!));
    const snapshot = await structureOf(course.id);
    const [m1, m2, m3] = course.moduleIds as [string, string, string];
    const [l1, l2, l3] = course.lessonIds as [string, string, string];
    const courseId = course.id;
    const attempts = [
      () => addModuleAction({ courseId, title: "Intruder" }),
      () => editModuleAction({ courseId, moduleId: m1, title: "Renamed by someone else" }),
      () => deleteModuleAction({ courseId, moduleId: m1 }),
      () => reorderModulesAction({ courseId, moduleIds: [m3, m2, m1] }),
      () => shiftModuleAction({ courseId, moduleId: m2, direction: "up" }),
      () => addLessonAction({ courseId, moduleId: m1, ...textLesson("Intruder") }),
      () => editLessonAction({ courseId, lessonId: l2, ...textLesson("Edited by someone else") }),
      () => deleteLessonAction({ courseId, lessonId: l1 }),
      () => reorderLessonsAction({ courseId, moduleId: m1, lessonIds: [l3, l2, l1] }),
      () => moveLessonAction({ courseId, lessonId: l1, toModuleId: m2, toIndex: 0 }),
      () => shiftLessonAction({ courseId, lessonId: l2, direction: "up" }),
    ];
    for (const intruder of [otherTeacher, student]) {
      vi.mocked(getCurrentUser).mockResolvedValue(intruder);
      for (const attempt of attempts) {
        expect(await attempt()).toEqual({ ok: false, error: courseNotFoundMessage, fieldErrors: {} });
      }
    }
    // A course that does not exist reads the same.
    expect(await as(teacher, addModuleAction, { courseId: randomUUID(), title: "Nowhere" })).toEqual({
      ok: false,
      error: courseNotFoundMessage,
      fieldErrors: {},
    });
    expect(await structureOf(course.id)).toEqual(snapshot);
    expect(snapshot.map((row) => row.id)).toEqual(before.map((row) => row.id));
    expect(await testDb().select().from(storedFiles).where(eq(storedFiles.id, fileId))).toHaveLength(1);
    expect(await testDb().select().from(domainEvents).where(eq(domainEvents.actorId, otherTeacher.id))).toEqual([]);
  });

  it("a teacher cannot reach another course's module or lesson through its own course", async () => {
    const foreign = await createCourse(otherTeacher.id, { modules: 1, lessonsPerModule: 1 });
    const [foreignModule, foreignLesson] = [foreign.moduleIds[0]!, foreign.lessonIds[0]!];
    const courseId = course.id;
    vi.mocked(getCurrentUser).mockResolvedValue(teacher);
    expect(await editModuleAction({ courseId, moduleId: foreignModule, title: "Mine now" })).toMatchObject({ ok: false, error: moduleNotFoundMessage });
    expect(await deleteModuleAction({ courseId, moduleId: foreignModule })).toMatchObject({ ok: false, error: moduleNotFoundMessage });
    expect(await addLessonAction({ courseId, moduleId: foreignModule, ...textLesson("Planted") })).toMatchObject({ ok: false, error: moduleNotFoundMessage });
    expect(await editLessonAction({ courseId, lessonId: foreignLesson, ...textLesson("Mine now") })).toMatchObject({ ok: false, error: lessonNotFoundMessage });
    expect(await deleteLessonAction({ courseId, lessonId: foreignLesson })).toMatchObject({ ok: false, error: lessonNotFoundMessage });
    expect(await shiftLessonAction({ courseId, lessonId: foreignLesson, direction: "down" })).toMatchObject({ ok: false, error: lessonNotFoundMessage });
    expect(await moveLessonAction({ courseId, lessonId: foreignLesson, toModuleId: course.moduleIds[0]!, toIndex: 0 })).toMatchObject({
      ok: false,
      error: lessonNotFoundMessage,
    });
    expect(await reorderLessonsAction({ courseId, moduleId: foreignModule, lessonIds: [foreignLesson] })).toMatchObject({ ok: false });
    const [unchanged] = await structureOf(foreign.id);
    expect(unchanged).toMatchObject({ title: "Module 1", lessons: [{ id: foreignLesson, title: "Lesson 1.1" }] });
  });

  it("an admin edits any course", async () => {
    const { moduleId } = await ok(admin, addModuleAction, { courseId: course.id, title: "Added by the admin" });
    const { lessonId } = await ok(admin, addLessonAction, { courseId: course.id, moduleId, ...textLesson("Admin lesson") });
    await ok(admin, shiftModuleAction, { courseId: course.id, moduleId, direction: "up" });
    await ok(admin, deleteLessonAction, { courseId: course.id, lessonId });
    await ok(admin, deleteModuleAction, { courseId: course.id, moduleId: course.moduleIds[0]! });
    expect((await expectDense(course.id)).map((row) => row.title)).toEqual(["Module 2", "Added by the admin", "Module 3"]);
  });

  it("the Markdown preview is for teachers and admins, sanitised", async () => {
    const result = await ok(teacher, previewMarkdownAction, { source: "**bold** <script>alert(1)</script> [x](javascript:alert(1))" });
    expect(result.html).toContain("<strong>bold</strong>");
    expect(result.html).not.toMatch(/script|javascript:/);
    expect(await as(student, previewMarkdownAction, { source: "hi" })).toMatchObject({ ok: false });
  });
});

describe("loadCourseStructure", () => {
  it("returns the teacher's course in order, with file details, in two statements", async () => {
    const fileId = await insertFile(teacher.id);
    await testDb().update(lessons).set({ contentType: "file", fileId }).where(eq(lessons.id, course.lessonIds[2]!));
    await ok(teacher, reorderModulesAction, { courseId: course.id, moduleIds: [course.moduleIds[2]!, course.moduleIds[0]!, course.moduleIds[1]!] });
    const { result, count } = await countQueries(() => loadCourseStructure(testDb(), teacher, course.id));
    expect(count).toBe(2);
    expect(result!.course).toMatchObject({ id: course.id, slug: course.slug, status: "draft" });
    expect(result!.modules.map((row) => row.title)).toEqual(["Module 3", "Module 1", "Module 2"]);
    expect(result!.modules[1]!.lessons.map((lesson) => lesson.title)).toEqual(["Lesson 1.1", "Lesson 1.2", "Lesson 1.3"]);
    expect(result!.modules[1]!.lessons[2]).toMatchObject({ fileId, file: { name: "notes.pdf", sizeBytes: 1234 } });
    expect(result!.modules[1]!.lessons[0]).toMatchObject({ file: null, body: "Body of lesson 1.1" });
  });

  it("keeps an empty module, and is null for another teacher, a student, a missing course and a malformed id", async () => {
    const empty = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 0 });
    expect((await loadCourseStructure(testDb(), teacher, empty.id))!.modules).toEqual([
      { id: empty.moduleIds[0], title: "Module 1", description: "", position: 0, lessons: [] },
    ]);
    expect(await loadCourseStructure(testDb(), admin, course.id)).not.toBeNull();
    expect(await loadCourseStructure(testDb(), otherTeacher, course.id)).toBeNull();
    expect(await loadCourseStructure(testDb(), student, course.id)).toBeNull();
    expect(await loadCourseStructure(testDb(), teacher, randomUUID())).toBeNull();
    const { result, count } = await countQueries(() => loadCourseStructure(testDb(), teacher, "not-a-uuid"));
    expect([result, count]).toEqual([null, 0]);
  });
});
