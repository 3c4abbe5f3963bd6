import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  announcements,
  assignments,
  courseEvents,
  courseFiles,
  courses,
  discussionPosts,
  discussionThreads,
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
import type { Actor } from "@/lib/auth/policy";
import { questionImagePath } from "@/lib/content/safe-url";
import { insertCourse } from "@/lib/courses/editor/create-course";
import { groupBy } from "./group-by";
import { insertInChunks } from "./insert-in-chunks";
import type { ReleaseRule } from "@/lib/pacing/release-rule";
import type { CourseManifest, ManifestCategory, ManifestReleaseRule, TransferNote } from "./manifest";
import { courseFilePath, fromManifestText, lessonPath, referencedFiles } from "./text-references";
import { writeCourseWork } from "./write-course-work";

/** A file already in storage under a new key, for the document's file id. */
export interface StoredCopy {
  storageKey: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

export interface WriteCourseOptions {
  /** The new course's teacher: whoever copies, restores or imports it. */
  owner: Actor;
  /** The new course's title; the document's when not given. */
  title?: string;
  /** Whole days every due date moves by (a new term); 0 keeps them. */
  dateOffsetDays: number;
  /** Restore the document's enrolments and work too (when it has them). */
  withWork: boolean;
  /** The document's files, stored already; a file missing here is left out and said so. */
  files: ReadonlyMap<string, StoredCopy>;
}

export interface WrittenCourse {
  courseId: string;
  slug: string;
  notes: TransferNote[];
  counts: { modules: number; lessons: number; questions: number; tasks: number; files: number; discussions: number; students: number };
}

const dayMs = 24 * 60 * 60 * 1000;

/** Parents before children, so every category's parent exists when it is inserted. */
function parentsFirst(categories: readonly ManifestCategory[]): ManifestCategory[] {
  const byParent = groupBy(categories, (category) => category.parentId);
  const ordered: ManifestCategory[] = [];
  const visit = (parentId: string | null) => {
    for (const category of byParent.get(parentId) ?? []) {
      ordered.push(category);
      visit(category.id);
    }
  };
  visit(null);
  return ordered;
}

/** A subject as the course form keeps it (lower case, starting with a letter), or "general". */
function cleanSubject(subject: string): string {
  const cleaned = subject.trim().toLowerCase().replace(/\s+/g, " ").replace(/[^a-z0-9 &-]/g, "").replace(/^[^a-z]+/, "").slice(0, 60).trim();
  return cleaned.length >= 2 ? cleaned : "general";
}

/**
 * Saves the document as a new draft course of the owner, inside the caller's
 * transaction: every record gets a new id, text references become the new
 * addresses, due dates move by the offset. The caller checked the document
 * (manifestProblems) and the owner's right to create courses, and stored the
 * files first; if this throws, the transaction leaves nothing behind.
 */
export async function writeCourse(tx: DbOrTx, manifest: CourseManifest, options: WriteCourseOptions): Promise<WrittenCourse> {
  const notes: TransferNote[] = [];
  const newId = new Map<string, string>();
  const idFor = (kind: string, id: string) => {
    const key = `${kind}:${id}`;
    let value = newId.get(key);
    if (!value) newId.set(key, (value = randomUUID()));
    return value;
  };

  // Release rules name the new items, and their dates move with the due dates.
  const shiftIso = (value: string) => new Date(new Date(value).getTime() + options.dateOffsetDays * dayMs).toISOString();
  let pastOpenings = 0;
  const remapRule = (rule: ManifestReleaseRule | null | undefined): ReleaseRule | null =>
    !rule
      ? null
      : {
          match: rule.match,
          conditions: rule.conditions.map((condition) => {
            if (condition.kind === "date") {
              const opensAt = shiftIso(condition.opensAt);
              if (Date.parse(opensAt) < Date.now()) pastOpenings++;
              return { kind: "date", opensAt };
            }
            if (condition.kind === "completed") return { kind: "completed", item: { kind: condition.item.kind, id: idFor(condition.item.kind, condition.item.id) } };
            if (condition.kind === "score") return { kind: "score", taskId: idFor("task", condition.taskId), minPercent: condition.minPercent };
            return condition;
          }),
        };

  const course = await insertCourse(tx, options.owner, {
    title: (options.title ?? manifest.course.title).slice(0, 200),
    description: "",
    learningObjectives: "",
    prerequisites: "",
    subject: cleanSubject(manifest.course.subject),
    visibility: manifest.course.visibility,
    enrollmentKey: "",
    progressScope: manifest.course.progressScope,
  });
  if (manifest.course.visibility === "private") notes.push({ where: "Course settings", message: "The course is private: give it an enrolment key before students join (keys are never copied)." });

  // Files: a stored file row each, and the address text uses for it.
  const fileRows = manifest.files.flatMap((file) => {
    const stored = options.files.get(file.id);
    if (!stored) {
      notes.push({ where: `File ${file.name}`, message: "The file was not in the package; what showed it has a broken link now." });
      return [];
    }
    return [{ id: idFor("file", file.id), ...stored, uploadedBy: options.owner.id, courseId: course.id }];
  });
  await insertInChunks(tx, storedFiles, fileRows);
  const roleOf = new Map(manifest.files.map((file) => [file.id, file.role]));
  const storedIds = new Set(manifest.files.filter((file) => options.files.has(file.id)).map((file) => file.id));

  const lessonIds = new Set(manifest.lessons.map((lesson) => lesson.id));
  const text = (value: string, where: string) => {
    const resolved = fromManifestText(value, {
      file: (id) => (storedIds.has(id) ? (roleOf.get(id) === "question" ? questionImagePath(idFor("file", id)) : courseFilePath(idFor("file", id))) : undefined),
      lesson: (id) => (lessonIds.has(id) ? lessonPath(course.slug, idFor("lesson", id)) : undefined),
    });
    if (resolved.missing.length > 0) notes.push({ where, message: `${resolved.missing.length} link${resolved.missing.length === 1 ? "" : "s"} pointed at something the course does not have and now lead nowhere.` });
    return resolved.text;
  };

  // Files the text shows are served to the course's readers as content files, whatever the document called them.
  const allText = JSON.stringify([manifest.course, manifest.modules, manifest.lessons, manifest.tasks, manifest.questions, manifest.discussions, manifest.announcements, manifest.events]);
  const shown = new Set(referencedFiles(allText).filter((id) => storedIds.has(id)));
  await insertInChunks(
    tx,
    courseFiles,
    [...storedIds].filter((id) => roleOf.get(id) === "content" || (shown.has(id) && roleOf.get(id) !== "question")).map((id) => ({ fileId: idFor("file", id), courseId: course.id })),
  );
  await insertInChunks(
    tx,
    questionFiles,
    [...storedIds].filter((id) => roleOf.get(id) === "question").map((id) => ({ fileId: idFor("file", id), courseId: course.id })),
  );

  await tx
    .update(courses)
    .set({
      description: text(manifest.course.description, "Course description"),
      learningObjectives: text(manifest.course.learningObjectives, "Learning objectives"),
      prerequisites: text(manifest.course.prerequisites, "Prerequisites"),
    })
    .where(eq(courses.id, course.id));

  await insertInChunks(
    tx,
    modules,
    [...manifest.modules].sort((a, b) => a.position - b.position).map((module, position) => ({
      id: idFor("module", module.id),
      courseId: course.id,
      title: module.title,
      description: text(module.description, `Module “${module.title}”`),
      position,
      releaseRule: remapRule(module.releaseRule),
    })),
  );
  const lessonsByModule = groupBy(manifest.lessons, (lesson) => lesson.moduleId);
  await insertInChunks(
    tx,
    lessons,
    [...lessonsByModule.values()].flatMap((list) =>
      [...list].sort((a, b) => a.position - b.position).map((lesson, position) => ({
        id: idFor("lesson", lesson.id),
        moduleId: idFor("module", lesson.moduleId),
        title: lesson.title,
        contentType: lesson.contentType,
        body: text(lesson.body, `Lesson “${lesson.title}”`),
        externalUrl: lesson.externalUrl,
        fileId: lesson.fileId !== null && storedIds.has(lesson.fileId) ? idFor("file", lesson.fileId) : null,
        durationMinutes: lesson.durationMinutes,
        position,
        releaseRule: remapRule(lesson.releaseRule),
      })),
    ),
  );

  await insertInChunks(
    tx,
    questionCategories,
    parentsFirst(manifest.questionCategories).map((category) => ({
      id: idFor("category", category.id),
      courseId: course.id,
      parentId: category.parentId === null ? null : idFor("category", category.parentId),
      name: category.name,
    })),
  );
  const withWork = options.withWork && manifest.work !== null;
  const questions = manifest.questions.filter((question) => withWork || !question.deleted);
  await insertInChunks(
    tx,
    questionBankEntries,
    questions.map((question) => ({
      id: idFor("question", question.id),
      courseId: course.id,
      categoryId: question.categoryId === null ? null : idFor("category", question.categoryId),
      tags: question.tags,
      createdBy: options.owner.id,
      deletedAt: question.deleted ? new Date() : null,
    })),
  );
  // Without the attempts that need them, earlier versions are history nobody reads: only the current one is kept.
  const versions = questions.flatMap((question) => (withWork ? question.versions : question.versions.filter((version) => version.isCurrent).map((version) => ({ ...version, version: 1 }))).map((version) => ({ question, version })));
  await insertInChunks(
    tx,
    quizQuestions,
    versions.map(({ question, version }) => ({
      id: idFor("version", version.id),
      entryId: idFor("question", question.id),
      courseId: course.id,
      version: version.version,
      isCurrent: version.isCurrent,
      type: version.type,
      name: version.name,
      text: text(version.text, `Question “${version.name || version.text.slice(0, 40)}”`),
      points: version.points,
      explanation: text(version.explanation, `Question “${version.name || version.text.slice(0, 40)}”`),
      acceptedAnswers: version.acceptedAnswers,
      numericValue: version.numericValue,
      numericTolerance: version.numericTolerance,
      data: version.data === null ? null : (JSON.parse(text(JSON.stringify(version.data), `Question “${version.name || version.text.slice(0, 40)}”`)) as Record<string, unknown>),
      createdBy: options.owner.id,
    })),
  );
  await insertInChunks(
    tx,
    quizChoices,
    versions.flatMap(({ version }) =>
      [...version.choices].sort((a, b) => a.position - b.position).map((choice, position) => ({
        id: idFor("choice", choice.id),
        questionId: idFor("version", version.id),
        text: text(choice.text, "A question's choice"),
        isCorrect: choice.isCorrect,
        weight: choice.weight,
        feedback: text(choice.feedback, "A choice's feedback"),
        position,
      })),
    ),
  );

  const shift = (value: string | null) => (value === null ? null : new Date(new Date(value).getTime() + options.dateOffsetDays * dayMs));
  const tasks = [...manifest.tasks].sort((a, b) => a.position - b.position);
  await insertInChunks(
    tx,
    learningTasks,
    tasks.map((task, position) => ({
      id: idFor("task", task.id),
      courseId: course.id,
      moduleId: task.moduleId === null ? null : idFor("module", task.moduleId),
      type: task.type,
      title: task.title,
      description: text(task.description, `Task “${task.title}”`),
      status: task.status,
      dueAt: shift(task.dueAt),
      maxPoints: task.maxPoints,
      position,
      releaseRule: remapRule(task.releaseRule),
    })),
  );
  const pointsOf = new Map(questions.map((question) => [question.id, question.versions.find((version) => version.isCurrent)?.points ?? 0]));
  await insertInChunks(
    tx,
    quizzes,
    tasks.flatMap((task) =>
      task.quiz
        ? [
            {
              taskId: idFor("task", task.id),
              timeLimitMinutes: task.quiz.timeLimitMinutes,
              attemptsAllowed: task.quiz.attemptsAllowed,
              gradingMethod: task.quiz.gradingMethod,
              shuffleQuestions: task.quiz.shuffleQuestions,
              shuffleChoices: task.quiz.shuffleChoices,
              partialCredit: task.quiz.partialCredit,
              reviewPolicy: task.quiz.reviewPolicy,
              questionCount: task.quiz.slots.reduce((sum, slot) => sum + (slot.questionId === null ? slot.drawCount : 1), 0),
            },
          ]
        : [],
    ),
  );
  await insertInChunks(
    tx,
    quizSlots,
    tasks.flatMap((task) =>
      [...(task.quiz?.slots ?? [])].sort((a, b) => a.position - b.position).map((slot, position) => ({
        taskId: idFor("task", task.id),
        position,
        entryId: slot.questionId === null ? null : idFor("question", slot.questionId),
        categoryId: slot.questionId !== null || slot.categoryId === null ? null : idFor("category", slot.categoryId),
        includeSubcategories: slot.questionId === null && slot.includeSubcategories,
        tag: slot.questionId === null ? slot.tag : null,
        drawCount: slot.questionId === null ? slot.drawCount : 1,
        points: slot.questionId === null ? slot.points : null,
      })),
    ),
  );
  for (const task of tasks) {
    if (!task.quiz || task.maxPoints !== null) continue;
    // A document without the quiz's total (a cartridge) gets the sum of its questions, as the builder keeps it.
    const total = task.quiz.slots.reduce((sum, slot) => sum + (slot.questionId === null ? slot.drawCount * (slot.points ?? 0) : (pointsOf.get(slot.questionId) ?? 0)), 0);
    if (total > 0) await tx.update(learningTasks).set({ maxPoints: total }).where(eq(learningTasks.id, idFor("task", task.id)));
  }
  await insertInChunks(
    tx,
    assignments,
    tasks.flatMap((task) => (task.assignment ? [{ taskId: idFor("task", task.id), ...task.assignment, instructions: text(task.assignment.instructions, `Assignment “${task.title}”`) }] : [])),
  );
  if (pastOpenings > 0)
    notes.push({ where: "Release conditions", message: `${pastOpenings} opening date${pastOpenings === 1 ? " is" : "s are"} in the past after the shift: what waits only for ${pastOpenings === 1 ? "it is" : "them is"} open from the start.` });

  // The calendar moves with the term; a repeating event keeps its rule (and its end moves too).
  await insertInChunks(
    tx,
    courseEvents,
    manifest.events.map((event) => ({
      courseId: course.id,
      title: event.title,
      description: text(event.description, `Event “${event.title}”`),
      location: event.location,
      startsAt: shift(event.startsAt)!,
      endsAt: shift(event.endsAt)!,
      allDay: event.allDay,
      timeZone: event.timeZone,
      recurrence: event.recurrence,
      recurrenceInterval: event.recurrenceInterval,
      recurrenceUntil: shift(event.recurrenceUntil),
      recurrenceCount: event.recurrenceCount,
      createdById: options.owner.id,
    })),
  );
  const pastDue = tasks.filter((task) => task.dueAt !== null && shift(task.dueAt)!.getTime() < Date.now()).length;
  if (pastDue > 0) notes.push({ where: "Due dates", message: `${pastDue} due date${pastDue === 1 ? " is" : "s are"} in the past after the shift; set new ones before students start.` });

  const userOf = withWork ? await writeCourseWork(tx, manifest, { courseId: course.id, idFor, notes }) : new Map<string, string>();

  // Students' posts belong to the work: restored only with it. A cartridge's topics have no author and always come.
  for (const thread of manifest.discussions.filter((candidate) => withWork || candidate.posts.every((post) => post.authorId === null))) {
    const threadId = idFor("thread", thread.id);
    const posts = thread.posts.map((post) => ({
      threadId,
      authorId: (post.authorId !== null ? userOf.get(post.authorId) : undefined) ?? options.owner.id,
      body: text(post.body, `Discussion “${thread.title}”`),
      createdAt: post.createdAt && withWork ? new Date(post.createdAt) : new Date(),
    }));
    await tx.insert(discussionThreads).values({
      id: threadId,
      courseId: course.id,
      lessonId: thread.lessonId === null ? null : idFor("lesson", thread.lessonId),
      authorId: posts[0]!.authorId,
      title: thread.title,
      pinned: thread.pinned,
      locked: thread.locked,
      postCount: posts.length,
      lastActivityAt: posts.reduce((latest, post) => (post.createdAt > latest ? post.createdAt : latest), posts[0]!.createdAt),
    });
    await insertInChunks(tx, discussionPosts, posts);
  }

  // An archive's announcements are history: restored as they were, without telling anyone again.
  await insertInChunks(
    tx,
    announcements,
    (withWork ? manifest.announcements : []).map((announcement) => ({
      courseId: course.id,
      authorId: (announcement.authorId !== null ? userOf.get(announcement.authorId) : undefined) ?? options.owner.id,
      title: announcement.title,
      body: text(announcement.body, `Announcement “${announcement.title}”`),
      createdAt: new Date(announcement.createdAt),
    })),
  );

  return {
    courseId: course.id,
    slug: course.slug,
    notes,
    counts: {
      modules: manifest.modules.length,
      lessons: manifest.lessons.length,
      questions: questions.length,
      tasks: tasks.length,
      files: fileRows.length,
      discussions: manifest.discussions.length,
      students: withWork ? new Set([...userOf.values()]).size : 0,
    },
  };
}
