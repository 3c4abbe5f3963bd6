import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { learningTasks, questionBankEntries, quizSlots } from "@/db/schema";
import { fail, missing } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { markCourseEdited } from "@/lib/authoring/course-access";
import { requireCourseCategory } from "@/lib/quizzes/authoring/slots";
import { bumpContentVersion, syncMaxPoints, syncQuizzesUsingEntries } from "@/lib/quizzes/authoring/quiz-totals";
import { loadCurrentVersions } from "@/lib/quizzes/authoring/stored-questions";
import { rowsOf } from "@/lib/db/rows";
import { bankQuestionNotFoundMessage, lockBankCourse } from "./access";
import type { entryRefSchema, moveQuestionsSchema, saveBankQuestionSchema } from "./schemas";
import { createBankQuestion, updateBankQuestion } from "./write-version";

async function requireLiveEntry(tx: DbOrTx, courseId: string, entryId: string) {
  const [entry] = await tx
    .select({ id: questionBankEntries.id, categoryId: questionBankEntries.categoryId, tags: questionBankEntries.tags })
    .from(questionBankEntries)
    .where(and(eq(questionBankEntries.id, entryId), eq(questionBankEntries.courseId, courseId), isNull(questionBankEntries.deletedAt)));
  if (!entry) missing(bankQuestionNotFoundMessage);
  return entry;
}

/**
 * Adds a question to the bank or saves a new content for one (a new version
 * once attempts use it; see updateBankQuestion), with its name, category and
 * tags. Every quiz using it follows: its totals, and a re-grade offer when
 * scoring changed.
 */
export async function saveBankQuestion(tx: DbOrTx, actor: Actor, input: z.output<typeof saveBankQuestionSchema>) {
  const course = await lockBankCourse(tx, actor, input.courseId);
  const { meta } = input;
  if (meta.categoryId) await requireCourseCategory(tx, course.id, meta.categoryId);
  const question = { ...input.question, name: meta.name };
  let written;
  if (input.entryId) {
    await requireLiveEntry(tx, course.id, input.entryId);
    written = await updateBankQuestion(tx, { courseId: course.id, entryId: input.entryId, actorId: actor.id, question });
    await tx
      .update(questionBankEntries)
      .set({ categoryId: meta.categoryId, tags: meta.tags, updatedAt: new Date() })
      .where(eq(questionBankEntries.id, input.entryId));
    await syncQuizzesUsingEntries(tx, [input.entryId]);
  } else {
    written = await createBankQuestion(tx, { courseId: course.id, actorId: actor.id, question, categoryId: meta.categoryId, tags: meta.tags });
  }
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, entryId: written.entryId, questionId: written.questionId, version: written.version, newVersion: written.newVersion };
}

/** A copy of a bank question (its current version) in the same category, named "Copy of …"; used by no quiz. */
export async function duplicateBankQuestion(tx: DbOrTx, actor: Actor, input: z.output<typeof entryRefSchema>) {
  const course = await lockBankCourse(tx, actor, input.courseId);
  const entry = await requireLiveEntry(tx, course.id, input.entryId);
  const [source] = await loadCurrentVersions(tx, [entry.id], course.id);
  if (!source) fail(bankQuestionNotFoundMessage);
  const label = source.name || source.text.slice(0, 80);
  const written = await createBankQuestion(tx, {
    courseId: course.id,
    actorId: actor.id,
    categoryId: entry.categoryId,
    tags: entry.tags,
    question: {
      ...source,
      name: `Copy of ${label}`.slice(0, 200),
      choices: source.choices.map((choice) => ({ id: null, text: choice.text, isCorrect: choice.isCorrect, weight: choice.weight, feedback: choice.feedback })),
    },
  });
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, entryId: written.entryId };
}

/** Files questions in another category (or none). Quizzes drawing at random from a category see the change at their next attempt. */
export async function moveBankQuestions(tx: DbOrTx, actor: Actor, input: z.output<typeof moveQuestionsSchema>) {
  const course = await lockBankCourse(tx, actor, input.courseId);
  if (input.categoryId) await requireCourseCategory(tx, course.id, input.categoryId);
  const ids = [...new Set(input.entryIds)];
  const moved = await tx
    .update(questionBankEntries)
    .set({ categoryId: input.categoryId, updatedAt: new Date() })
    .where(and(eq(questionBankEntries.courseId, course.id), inArray(questionBankEntries.id, ids), isNull(questionBankEntries.deletedAt)))
    .returning({ id: questionBankEntries.id });
  if (moved.length !== ids.length) fail("A chosen question no longer exists. The page now shows the bank as it is.");
  return { courseId: course.id, slug: course.slug, moved: moved.length };
}

export const usedByPublishedQuizMessage = (titles: string[]) =>
  `This question is used by the published quiz${titles.length === 1 ? "" : "zes"} ${titles.map((title) => `“${title}”`).join(", ")}. Remove it there (or unpublish) first.`;

/**
 * Deletes a bank question. Refused while a published quiz uses it (naming the
 * quizzes). Draft quizzes lose their slot for it. A question students were
 * given leaves the bank but its versions stay, so their attempts still show
 * and grade it; one never given to anyone is removed outright. Audited.
 */
export async function deleteBankQuestion(tx: DbOrTx, actor: Actor, input: z.output<typeof entryRefSchema>) {
  const course = await lockBankCourse(tx, actor, input.courseId);
  const entry = await requireLiveEntry(tx, course.id, input.entryId);
  const uses = await tx
    .select({ taskId: learningTasks.id, title: learningTasks.title, status: learningTasks.status })
    .from(quizSlots)
    .innerJoin(learningTasks, eq(learningTasks.id, quizSlots.taskId))
    .where(eq(quizSlots.entryId, entry.id));
  const published = uses.filter((use) => use.status === "published");
  if (published.length > 0) fail(usedByPublishedQuizMessage([...new Set(published.map((use) => use.title))]));

  const [current] = await loadCurrentVersions(tx, [entry.id], course.id);
  const given = await tx.execute(sql`
    SELECT EXISTS (
      SELECT 1 FROM quiz_attempts a JOIN quiz_questions q ON a.question_order @> ARRAY[q.id]
      WHERE q.entry_id = ${entry.id}) AS given`);
  const keepVersions = Boolean(rowsOf<{ given: boolean }>(given)[0]?.given);

  await tx.delete(quizSlots).where(eq(quizSlots.entryId, entry.id));
  if (keepVersions) {
    await tx.update(questionBankEntries).set({ deletedAt: new Date(), updatedAt: new Date() }).where(eq(questionBankEntries.id, entry.id));
  } else {
    await tx.delete(questionBankEntries).where(eq(questionBankEntries.id, entry.id));
  }
  for (const taskId of new Set(uses.map((use) => use.taskId))) {
    await syncMaxPoints(tx, taskId);
    await bumpContentVersion(tx, taskId);
  }
  await recordAudit(tx, {
    actorId: actor.id,
    action: "question.deleted",
    entityType: "question",
    entityId: entry.id,
    before: { courseId: course.id, name: current?.name ?? "", text: current?.text.slice(0, 200) ?? "", quizzes: uses.map((use) => use.taskId) },
    after: { keptForAttempts: keepVersions },
  });
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, entryId: entry.id, keptForAttempts: keepVersions };
}
