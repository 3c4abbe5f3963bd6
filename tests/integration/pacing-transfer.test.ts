// Pacing across course copies, backups and restores: release rules keep
// pointing at the new course's own items, their dates move with the copy's
// offset like due dates, the progress scope and the calendar events come
// along, and a document whose rules name what it does not hold is refused.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { courseEvents, courses, learningTasks, lessons, modules } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session-user";
import { courseNotes } from "@/lib/course-transfer/cartridge/export/course-notes";
import { manifestProblems } from "@/lib/course-transfer/check-manifest";
import { courseManifestSchema, type CourseManifest } from "@/lib/course-transfer/manifest";
import { readCourse } from "@/lib/course-transfer/read-course";
import { requestCourseCopy } from "@/lib/course-transfer/transfers/transfer-commands";
import { loadTransfer } from "@/lib/course-transfer/transfers/transfer-queries";
import { writeCourse } from "@/lib/course-transfer/write-course";
import type { ReleaseRule } from "@/lib/pacing/release-rule";
import { courseTransferJob } from "@/lib/worker/course-transfer-job";
import { testDb } from "./helpers";
import { createActor, createCourse, type CourseFixture } from "./learning-fixtures";
import { createQuiz } from "./quiz-taking-fixtures";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const dayMs = 24 * 60 * 60 * 1000;
const opensAt = new Date(Date.now() + 30 * dayMs);
opensAt.setUTCMilliseconds(0);
const eventStart = new Date(Date.now() + 14 * dayMs);
eventStart.setUTCMilliseconds(0);

let teacher: CurrentUser;
let source: CourseFixture;
let quizId: string;

beforeAll(async () => {
  teacher = await createActor("teacher");
  source = await createCourse(teacher.id, { status: "published", modules: 2, lessonsPerModule: 2 });
  quizId = (await createQuiz(source.id, source.moduleIds[0]!, { attemptsAllowed: null, timeLimitMinutes: null })).taskId;
  const db = testDb();
  await db.update(courses).set({ progressScope: "released" }).where(eq(courses.id, source.id));
  const moduleRule: ReleaseRule = { match: "all", conditions: [{ kind: "completed", item: { kind: "module", id: source.moduleIds[0]! } }, { kind: "date", opensAt: opensAt.toISOString() }] };
  const lessonRule: ReleaseRule = { match: "any", conditions: [{ kind: "score", taskId: quizId, minPercent: 60 }, { kind: "enrolment_days", days: 3 }] };
  const quizRule: ReleaseRule = { match: "all", conditions: [{ kind: "completed", item: { kind: "lesson", id: source.lessonIds[0]! } }] };
  await db.update(modules).set({ releaseRule: moduleRule }).where(eq(modules.id, source.moduleIds[1]!));
  await db.update(lessons).set({ releaseRule: lessonRule }).where(eq(lessons.id, source.lessonIds[1]!));
  await db.update(learningTasks).set({ releaseRule: quizRule }).where(eq(learningTasks.id, quizId));
  await db.insert(courseEvents).values({
    courseId: source.id,
    title: "Weekly lab",
    location: "Room 4",
    startsAt: eventStart,
    endsAt: new Date(eventStart.getTime() + 2 * 60 * 60 * 1000),
    timeZone: "Europe/Berlin",
    recurrence: "weekly",
    recurrenceInterval: 1,
    recurrenceUntil: new Date(eventStart.getTime() + 60 * dayMs),
  });
});

/** The course's items in course order, with their rules. */
async function itemsOf(courseId: string) {
  const db = testDb();
  const moduleRows = await db.select().from(modules).where(eq(modules.courseId, courseId)).orderBy(asc(modules.position));
  const lessonRows = (await db.select({ lesson: lessons, modulePosition: modules.position }).from(lessons).innerJoin(modules, eq(modules.id, lessons.moduleId)).where(eq(modules.courseId, courseId)).orderBy(asc(modules.position), asc(lessons.position))).map((row) => row.lesson);
  const taskRows = await db.select().from(learningTasks).where(eq(learningTasks.courseId, courseId)).orderBy(asc(learningTasks.position));
  return { modules: moduleRows, lessons: lessonRows, tasks: taskRows };
}

async function copyOf(offsetDays: number) {
  const { transferId } = await testDb().transaction((tx) => requestCourseCopy(tx, teacher, { courseId: source.id, title: "Next term", dateOffsetDays: offsetDays }));
  await courseTransferJob.run(testDb(), new Date());
  const transfer = await loadTransfer(testDb(), teacher, transferId);
  expect(transfer).toMatchObject({ status: "done" });
  return transfer!.course!.id;
}

describe("copying a paced course", () => {
  it("keeps every rule on the copy's own items, moves its dates, and keeps the progress scope and the calendar", async () => {
    const copyId = await copyOf(7);
    const copy = await itemsOf(copyId);
    const [course] = await testDb().select({ progressScope: courses.progressScope }).from(courses).where(eq(courses.id, copyId));
    expect(course!.progressScope).toBe("released");

    expect(copy.modules[0]!.releaseRule).toBeNull();
    expect(copy.modules[1]!.releaseRule).toEqual({
      match: "all",
      conditions: [
        { kind: "completed", item: { kind: "module", id: copy.modules[0]!.id } },
        { kind: "date", opensAt: new Date(opensAt.getTime() + 7 * dayMs).toISOString() },
      ],
    });
    const copiedQuiz = copy.tasks.find((task) => task.type === "quiz")!;
    expect(copy.lessons[1]!.releaseRule).toEqual({ match: "any", conditions: [{ kind: "score", taskId: copiedQuiz.id, minPercent: 60 }, { kind: "enrolment_days", days: 3 }] });
    expect(copiedQuiz.releaseRule).toEqual({ match: "all", conditions: [{ kind: "completed", item: { kind: "lesson", id: copy.lessons[0]!.id } }] });
    // Nothing in the copy points back at the source.
    const sourceIds = [...source.moduleIds, ...source.lessonIds, quizId];
    const rules = JSON.stringify([...copy.modules, ...copy.lessons, ...copy.tasks].map((item) => item.releaseRule));
    for (const id of sourceIds) expect(rules).not.toContain(id);

    const events = await testDb().select().from(courseEvents).where(eq(courseEvents.courseId, copyId));
    expect(events).toEqual([
      expect.objectContaining({
        title: "Weekly lab",
        location: "Room 4",
        startsAt: new Date(eventStart.getTime() + 7 * dayMs),
        endsAt: new Date(eventStart.getTime() + 7 * dayMs + 2 * 60 * 60 * 1000),
        timeZone: "Europe/Berlin",
        recurrence: "weekly",
        recurrenceInterval: 1,
        recurrenceUntil: new Date(eventStart.getTime() + 67 * dayMs),
        createdById: teacher.id,
      }),
    ]);
  });
});

describe("backing up and restoring a paced course", () => {
  it("writes the rules, scope and events into the document and restores them as they were", async () => {
    const read = (await readCourse(testDb(), source.id, { withWork: false, site: "" }))!;
    const manifest = courseManifestSchema.parse(JSON.parse(JSON.stringify(read.manifest)));
    expect(manifest.course.progressScope).toBe("released");
    expect(manifest.modules[1]!.releaseRule?.conditions[0]).toEqual({ kind: "completed", item: { kind: "module", id: source.moduleIds[0] } });
    expect(manifest.events).toHaveLength(1);
    expect(manifestProblems(manifest)).toEqual([]);

    const written = await testDb().transaction((tx) => writeCourse(tx, manifest, { owner: teacher, dateOffsetDays: 0, withWork: false, files: new Map() }));
    const restored = await itemsOf(written.courseId);
    expect(restored.modules[1]!.releaseRule).toEqual({
      match: "all",
      conditions: [{ kind: "completed", item: { kind: "module", id: restored.modules[0]!.id } }, { kind: "date", opensAt: opensAt.toISOString() }],
    });
    const [event] = await testDb().select().from(courseEvents).where(eq(courseEvents.courseId, written.courseId));
    expect(event!.startsAt).toEqual(eventStart);
  });

  it("reads a backup of the first format, which has none of these, as always open, counting all items", () => {
    const old = courseManifestSchema.parse({
      format: "jeevi-academy-course",
      schemaVersion: 1,
      exportedAt: "2026-01-01T00:00:00.000Z",
      source: { site: "https://old.example", courseId: null, tool: "Jeevi Academy" },
      course: { title: "Old course", subject: "physics" },
      modules: [{ id: "m1", title: "Only module", position: 0 }],
      lessons: [{ id: "l1", moduleId: "m1", title: "Only lesson", contentType: "text", position: 0 }],
      tasks: [{ id: "t1", moduleId: "m1", type: "assignment", title: "Essay", position: 0 }],
    });
    expect(old.course.progressScope).toBe("all");
    expect(old.events).toEqual([]);
    expect([old.modules[0]!.releaseRule, old.lessons[0]!.releaseRule, old.tasks[0]!.releaseRule]).toEqual([undefined, undefined, undefined]);
    expect(manifestProblems(old)).toEqual([]);
  });

  it("refuses a document whose rules name what it does not hold, or wait on each other in a loop", () => {
    const base = (rules: { lesson?: unknown; task?: unknown }) =>
      courseManifestSchema.parse({
        format: "jeevi-academy-course",
        schemaVersion: 1,
        exportedAt: "2026-01-01T00:00:00.000Z",
        source: { site: "", courseId: null, tool: "test" },
        course: { title: "Doc", subject: "physics" },
        modules: [{ id: "m1", title: "Module", position: 0 }],
        lessons: [{ id: "l1", moduleId: "m1", title: "Lesson", contentType: "text", position: 0, releaseRule: rules.lesson ?? null }],
        tasks: [{ id: "t1", moduleId: "m1", type: "assignment", title: "Essay", status: "published", maxPoints: 10, position: 0, releaseRule: rules.task ?? null }],
      });
    expect(manifestProblems(base({ lesson: { match: "all", conditions: [{ kind: "completed", item: { kind: "lesson", id: "gone" } }] } }))).toEqual([
      "The release conditions of the lesson “Lesson” name the lesson gone, which the document does not hold.",
    ]);
    expect(manifestProblems(base({ task: { match: "any", conditions: [{ kind: "score", taskId: "t9", minPercent: 50 }] } }))).toEqual([
      "The release conditions of the task “Essay” name the task t9, which the document does not hold.",
    ]);
    const loop = manifestProblems(
      base({
        lesson: { match: "all", conditions: [{ kind: "score", taskId: "t1", minPercent: 50 }] },
        task: { match: "all", conditions: [{ kind: "completed", item: { kind: "lesson", id: "l1" } }] },
      }),
    );
    expect(loop).toHaveLength(1);
    expect(loop[0]).toMatch(/wait on each other in a loop.*(lesson “Lesson” waits for task “Essay”|task “Essay” waits for lesson “Lesson”)/);
  });

  it("leaves out conditions naming an item the course no longer has", async () => {
    const extra = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    await testDb()
      .update(lessons)
      .set({ releaseRule: { match: "all", conditions: [{ kind: "completed", item: { kind: "lesson", id: "00000000-0000-4000-8000-00000000dead" } }, { kind: "enrolment_days", days: 1 }] } })
      .where(eq(lessons.id, extra.lessonIds[1]!));
    await testDb()
      .update(lessons)
      .set({ releaseRule: { match: "all", conditions: [{ kind: "completed", item: { kind: "task", id: "00000000-0000-4000-8000-00000000dead" } }] } })
      .where(eq(lessons.id, extra.lessonIds[0]!));
    const read = (await readCourse(testDb(), extra.id, { withWork: false, site: "" }))!;
    const byId = new Map(read.manifest.lessons.map((lesson) => [lesson.id, lesson.releaseRule]));
    expect(byId.get(extra.lessonIds[1]!)).toEqual({ match: "all", conditions: [{ kind: "enrolment_days", days: 1 }] });
    expect(byId.get(extra.lessonIds[0]!)).toBeNull();
    expect(manifestProblems(read.manifest)).toEqual([]);
  });
});

describe("exporting a paced course as a Common Cartridge", () => {
  it("tells that release conditions and calendar events are left out", async () => {
    const read = (await readCourse(testDb(), source.id, { withWork: false, site: "" }))!;
    const messages = courseNotes(read.manifest as CourseManifest, new Set()).map((note) => note.message);
    expect(messages).toContain("A cartridge has no release conditions: those of 3 items are left out, so everything opens at once (the Jeevi backup format keeps them).");
    expect(messages).toContain("A cartridge has no course calendar: 1 event is left out (the Jeevi backup format keeps them).");
    const plain = (await readCourse(testDb(), (await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 })).id, { withWork: false, site: "" }))!;
    expect(courseNotes(plain.manifest, new Set()).map((note) => note.message).join(" ")).not.toMatch(/release conditions|calendar/);
    // The same course's lessons stay where they were: nothing above moved them.
    expect((await itemsOf(source.id)).lessons.map((lesson) => lesson.id)).toEqual(source.lessonIds);
    expect(await testDb().select().from(courseEvents).where(and(eq(courseEvents.courseId, source.id)))).toHaveLength(1);
  });
});
