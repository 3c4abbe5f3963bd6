import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  assignments,
  courseEvents,
  courseFiles,
  courses,
  learningTasks,
  lessons,
  modules,
  questionBankEntries,
  questionCategories,
  questionFiles,
  quizChoices,
  quizQuestions,
  quizSlots,
  quizzes,
  storedFiles,
} from "@/db/schema";
import { parseStoredRule, type ReleaseItemKind } from "@/lib/pacing/release-rule";
import { courseManifestFormat, courseManifestVersion, type CourseManifest, type ManifestEvent, type ManifestFile, type ManifestQuestion, type ManifestReleaseRule, type ManifestTask } from "./manifest";
import { groupBy } from "./group-by";
import { toManifestText } from "./text-references";
import { readCourseWork } from "./read-course-work";

/** Where each file's bytes are: the storage key of the manifest's file id (its stored file's id). */
export type StorageKeys = Map<string, string>;

export interface ReadCourse {
  manifest: CourseManifest;
  storageKeys: StorageKeys;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * A course as the portable document, read in a fixed number of statements
 * whatever its size. `withWork` adds enrolments, progress, hand-ins, attempts
 * and discussions (a backup for archiving), and then every question version
 * the attempts were answered with; without it, only what a new term needs.
 * The caller has checked the actor may export the course.
 */
export async function readCourse(db: DbOrTx, courseId: string, { withWork, site }: { withWork: boolean; site: string }): Promise<ReadCourse | null> {
  const [course] = await db.select().from(courses).where(eq(courses.id, courseId));
  if (!course) return null;

  const moduleRows = await db.select().from(modules).where(eq(modules.courseId, courseId)).orderBy(asc(modules.position), asc(modules.createdAt));
  const moduleOrder = new Map(moduleRows.map((row, index) => [row.id, index]));
  const lessonRows = moduleRows.length
    ? (await db.select().from(lessons).where(inArray(lessons.moduleId, moduleRows.map((row) => row.id))).orderBy(asc(lessons.position), asc(lessons.createdAt))).sort(
        (a, b) => moduleOrder.get(a.moduleId)! - moduleOrder.get(b.moduleId)!,
      )
    : [];
  const lessonIds = new Set(lessonRows.map((row) => row.id));
  const text = (value: string) => toManifestText(value, { slug: course.slug, lessonIds });

  const files = await readFiles(db, courseId, lessonRows.map((row) => row.fileId).filter((id): id is string => id !== null));
  const { questions, categories } = await readBank(db, courseId, withWork, text);
  const tasks = await readTasks(db, courseId, text);
  const events = await readEvents(db, courseId, text);
  const rule = ruleReader({ module: new Set(moduleRows.map((row) => row.id)), lesson: lessonIds, task: new Set(tasks.map((task) => task.id)) });
  for (const task of tasks) task.releaseRule = rule(task.releaseRule);
  const work = withWork ? await readCourseWork(db, courseId, text) : null;
  for (const file of work?.files ?? []) {
    files.entries.push(file.entry);
    files.keys.set(file.entry.id, file.storageKey);
  }

  const manifest: CourseManifest = {
    format: courseManifestFormat,
    schemaVersion: courseManifestVersion,
    exportedAt: new Date().toISOString(),
    source: { site, courseId: course.id, tool: "Jeevi Academy" },
    course: {
      title: course.title,
      description: text(course.description),
      learningObjectives: text(course.learningObjectives),
      prerequisites: text(course.prerequisites),
      subject: course.subject,
      visibility: course.visibility,
      progressScope: course.progressScope,
    },
    files: files.entries,
    modules: moduleRows.map((row, index) => ({ id: row.id, title: row.title, description: text(row.description), position: index, releaseRule: rule(row.releaseRule) })),
    lessons: lessonRows.map((row) => ({
      id: row.id,
      moduleId: row.moduleId,
      title: row.title,
      contentType: row.contentType,
      body: text(row.body),
      externalUrl: row.externalUrl,
      fileId: row.fileId,
      durationMinutes: row.durationMinutes,
      position: row.position,
      releaseRule: rule(row.releaseRule),
    })),
    questionCategories: categories,
    questions,
    tasks,
    discussions: work?.discussions ?? [],
    announcements: work?.announcements ?? [],
    events,
    work: work?.work ?? null,
  };
  return { manifest, storageKeys: files.keys };
}

/** The course's lesson files, the files its text shows, and its questions' pictures. */
async function readFiles(db: DbOrTx, courseId: string, lessonFileIds: string[]) {
  const columns = { id: storedFiles.id, name: storedFiles.originalName, mimeType: storedFiles.mimeType, sizeBytes: storedFiles.sizeBytes, sha256: storedFiles.sha256, storageKey: storedFiles.storageKey };
  const [lessonFiles, contentFiles, pictures] = await Promise.all([
    lessonFileIds.length ? db.select(columns).from(storedFiles).where(inArray(storedFiles.id, lessonFileIds)) : Promise.resolve([]),
    db.select(columns).from(courseFiles).innerJoin(storedFiles, eq(storedFiles.id, courseFiles.fileId)).where(eq(courseFiles.courseId, courseId)),
    db.select(columns).from(questionFiles).innerJoin(storedFiles, eq(storedFiles.id, questionFiles.fileId)).where(eq(questionFiles.courseId, courseId)),
  ]);
  const entries: ManifestFile[] = [];
  const keys: StorageKeys = new Map();
  const add = (rows: typeof lessonFiles, role: ManifestFile["role"]) => {
    for (const row of rows) {
      if (keys.has(row.id)) continue;
      keys.set(row.id, row.storageKey);
      entries.push({ id: row.id, name: row.name, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256: row.sha256, role });
    }
  };
  add(lessonFiles, "lesson");
  add(contentFiles, "content");
  add(pictures, "question");
  return { entries, keys };
}

/**
 * The bank's categories and questions. A new term needs each question's
 * current version; an archive also keeps earlier versions and deleted
 * questions, which its attempts were answered with.
 */
async function readBank(db: DbOrTx, courseId: string, withWork: boolean, text: (value: string) => string) {
  const categoryRows = await db.select().from(questionCategories).where(eq(questionCategories.courseId, courseId)).orderBy(asc(questionCategories.createdAt), asc(questionCategories.id));
  const entryRows = await db
    .select()
    .from(questionBankEntries)
    .where(withWork ? eq(questionBankEntries.courseId, courseId) : and(eq(questionBankEntries.courseId, courseId), isNull(questionBankEntries.deletedAt)))
    .orderBy(asc(questionBankEntries.createdAt), asc(questionBankEntries.id));
  const versionRows = entryRows.length
    ? await db
        .select()
        .from(quizQuestions)
        .where(withWork ? eq(quizQuestions.courseId, courseId) : and(eq(quizQuestions.courseId, courseId), eq(quizQuestions.isCurrent, true)))
        .orderBy(asc(quizQuestions.version))
    : [];
  const choiceRows = versionRows.length
    ? await db.select().from(quizChoices).where(inArray(quizChoices.questionId, versionRows.map((row) => row.id))).orderBy(asc(quizChoices.position), asc(quizChoices.id))
    : [];
  const choicesOf = groupBy(choiceRows, (row) => row.questionId);
  const versionsOf = groupBy(versionRows, (row) => row.entryId);
  const data = (value: Record<string, unknown> | null) => (value === null ? null : (JSON.parse(text(JSON.stringify(value))) as Record<string, unknown>));

  const questions: ManifestQuestion[] = [];
  for (const entry of entryRows) {
    const versions = versionsOf.get(entry.id) ?? [];
    if (versions.length === 0) continue;
    questions.push({
      id: entry.id,
      categoryId: entry.categoryId,
      tags: entry.tags,
      deleted: entry.deletedAt !== null,
      versions: versions.map((version) => ({
        id: version.id,
        version: version.version,
        isCurrent: version.isCurrent,
        type: version.type,
        name: version.name,
        text: text(version.text),
        points: version.points,
        explanation: text(version.explanation),
        acceptedAnswers: version.acceptedAnswers,
        numericValue: version.numericValue,
        numericTolerance: version.numericTolerance,
        data: data(version.data ?? null),
        choices: (choicesOf.get(version.id) ?? []).map((choice, position) => ({
          id: choice.id,
          text: text(choice.text),
          isCorrect: choice.isCorrect,
          weight: choice.weight,
          feedback: text(choice.feedback),
          position,
        })),
      })),
    });
  }
  return {
    questions,
    categories: categoryRows.map((row) => ({ id: row.id, parentId: row.parentId, name: row.name })),
  };
}

/** Every task with its quiz settings and slots or its assignment's rules. */
async function readTasks(db: DbOrTx, courseId: string, text: (value: string) => string): Promise<ManifestTask[]> {
  const rows = await db
    .select({ task: learningTasks, quiz: quizzes, assignment: assignments })
    .from(learningTasks)
    .leftJoin(quizzes, eq(quizzes.taskId, learningTasks.id))
    .leftJoin(assignments, eq(assignments.taskId, learningTasks.id))
    .where(eq(learningTasks.courseId, courseId))
    .orderBy(asc(learningTasks.position), asc(learningTasks.createdAt));
  const quizIds = rows.filter((row) => row.quiz).map((row) => row.task.id);
  const slotRows = quizIds.length ? await db.select().from(quizSlots).where(inArray(quizSlots.taskId, quizIds)).orderBy(asc(quizSlots.position), asc(quizSlots.createdAt)) : [];
  const slotsOf = groupBy(slotRows, (row) => row.taskId);
  return rows.map(({ task, quiz, assignment }) => ({
    id: task.id,
    moduleId: task.moduleId,
    type: task.type,
    title: task.title,
    description: text(task.description),
    status: task.status,
    dueAt: iso(task.dueAt),
    maxPoints: task.maxPoints,
    position: task.position,
    // Checked against the course's items once every task is known (readCourse).
    releaseRule: parseStoredRule(task.releaseRule),
    quiz: quiz
      ? {
          timeLimitMinutes: quiz.timeLimitMinutes,
          attemptsAllowed: quiz.attemptsAllowed,
          gradingMethod: quiz.gradingMethod,
          shuffleQuestions: quiz.shuffleQuestions,
          shuffleChoices: quiz.shuffleChoices,
          partialCredit: quiz.partialCredit,
          reviewPolicy: quiz.reviewPolicy,
          slots: (slotsOf.get(task.id) ?? []).map((slot, position) => ({
            position,
            questionId: slot.entryId,
            categoryId: slot.categoryId,
            includeSubcategories: slot.includeSubcategories,
            tag: slot.tag,
            drawCount: slot.drawCount,
            points: slot.points,
          })),
        }
      : null,
    assignment: assignment
      ? {
          instructions: text(assignment.instructions),
          allowedFileTypes: assignment.allowedFileTypes,
          maxFileSizeMb: assignment.maxFileSizeMb,
          maxFiles: assignment.maxFiles,
          textEntry: assignment.textEntry,
          acceptLate: assignment.acceptLate,
          latePenaltyType: assignment.latePenaltyType,
          latePenaltyPercent: assignment.latePenaltyPercent,
        }
      : null,
  }));
}

/**
 * A stored rule as the document keeps it. A condition naming an item the
 * course no longer has (a deleted lesson) is left out, so the document only
 * names what it holds; a rule left without conditions is no rule.
 */
function ruleReader(held: Record<ReleaseItemKind, ReadonlySet<string>>) {
  return (stored: unknown): ManifestReleaseRule | null => {
    const rule = parseStoredRule(stored);
    if (!rule) return null;
    const conditions = rule.conditions.filter((condition) =>
      condition.kind === "completed" ? held[condition.item.kind].has(condition.item.id) : condition.kind === "score" ? held.task.has(condition.taskId) : true,
    );
    return conditions.length === 0 ? null : { match: rule.match, conditions };
  };
}

/** The course's calendar events, first first. */
async function readEvents(db: DbOrTx, courseId: string, text: (value: string) => string): Promise<ManifestEvent[]> {
  const rows = await db.select().from(courseEvents).where(eq(courseEvents.courseId, courseId)).orderBy(asc(courseEvents.startsAt), asc(courseEvents.id));
  return rows.map((row) => ({
    title: row.title,
    description: text(row.description),
    location: row.location,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    allDay: row.allDay,
    timeZone: row.timeZone,
    recurrence: row.recurrence,
    recurrenceInterval: row.recurrenceInterval,
    recurrenceUntil: iso(row.recurrenceUntil),
    recurrenceCount: row.recurrenceCount,
  }));
}
