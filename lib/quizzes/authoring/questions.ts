import "server-only";
import { markCourseEdited } from "@/lib/authoring/course-access";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { quizSlots } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { isPermutationOf } from "@/lib/authoring/ordering";
import { createBankQuestion, updateBankQuestion } from "@/lib/question-bank/write-version";
import { findCourseQuiz, lockManagedCourse } from "./access";
import { lastQuestionMessage, questionNotFoundMessage, staleQuestionOrderMessage } from "./messages";
import { bumpContentVersion, syncMaxPoints, syncQuizzesUsingEntries } from "./quiz-totals";
import type { deleteQuestionSchema, reorderQuestionsSchema, saveQuestionSchema } from "./schemas";
import { loadQuestionVersions } from "./stored-questions";

export async function slotIdsInOrder(tx: DbOrTx, taskId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: quizSlots.id })
    .from(quizSlots)
    .where(eq(quizSlots.taskId, taskId))
    .orderBy(quizSlots.position, quizSlots.createdAt, quizSlots.id);
  return rows.map((row) => row.id);
}

/** Gives the quiz's slots the positions 0..n-1 in the order of `ids`, in one statement. */
export async function writeSlotOrder(tx: DbOrTx, taskId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const values = sql.join(
    ids.map((id, position) => sql`(${id}::uuid, ${position}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE quiz_slots AS s SET position = v.position, updated_at = now()
    FROM (VALUES ${values}) AS v(id, position)
    WHERE s.id = v.id AND s.task_id = ${taskId} AND s.position <> v.position`);
}

/** A new slot at the end of the quiz. */
export async function appendSlot(tx: DbOrTx, taskId: string, slot: Omit<typeof quizSlots.$inferInsert, "taskId" | "position">): Promise<string> {
  const [row] = await tx
    .insert(quizSlots)
    .values({ ...slot, taskId, position: sql`(SELECT count(*)::int FROM ${quizSlots} WHERE ${quizSlots.taskId} = ${taskId})` })
    .returning({ id: quizSlots.id });
  return row!.id;
}

/**
 * The inline builder's save. A new question goes into the course's question
 * bank (uncategorised) and takes a slot at the end of the quiz. An edit saves
 * the bank question, so every quiz using it shows the change; once attempts
 * use it, the edit is a new version and those attempts keep the old one until
 * a re-grade moves them to it. A change to scoring marks graded attempts stale.
 */
export async function saveQuestion(tx: DbOrTx, actor: Actor, input: z.output<typeof saveQuestionSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  const { question } = input;
  let written;

  if (input.questionId) {
    const [before] = await loadQuestionVersions(tx, [input.questionId]);
    if (!before || before.courseId !== course.id) fail(questionNotFoundMessage);
    const [slot] = await tx
      .select({ id: quizSlots.id })
      .from(quizSlots)
      .where(and(eq(quizSlots.taskId, quiz.id), eq(quizSlots.entryId, before.entryId)));
    if (!slot) fail(questionNotFoundMessage);
    if (!before.isCurrent) fail("This question was changed elsewhere since you opened it. The page now shows it as it is; make your change again.");
    written = await updateBankQuestion(tx, { courseId: course.id, entryId: before.entryId, actorId: actor.id, question, before });
    await syncQuizzesUsingEntries(tx, [before.entryId]);
  } else {
    written = await createBankQuestion(tx, { courseId: course.id, actorId: actor.id, question });
    await appendSlot(tx, quiz.id, { entryId: written.entryId });
    await syncMaxPoints(tx, quiz.id);
    await bumpContentVersion(tx, quiz.id);
  }
  await markCourseEdited(tx, course.id);
  return {
    courseId: course.id,
    slug: course.slug,
    taskId: quiz.id,
    questionId: written.questionId,
    entryId: written.entryId,
    newVersion: written.newVersion,
    scoreChanged: written.scoreChanged,
  };
}

/**
 * Takes a slot (a chosen question or a random draw) out of the quiz; the bank
 * keeps its questions. A published quiz keeps at least one slot.
 */
export async function deleteQuestion(tx: DbOrTx, actor: Actor, input: z.output<typeof deleteQuestionSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  const ids = await slotIdsInOrder(tx, quiz.id);
  if (!ids.includes(input.slotId)) fail(questionNotFoundMessage);
  if (quiz.status === "published" && ids.length === 1) fail(lastQuestionMessage);
  await tx.delete(quizSlots).where(and(eq(quizSlots.id, input.slotId), eq(quizSlots.taskId, quiz.id)));
  await writeSlotOrder(
    tx,
    quiz.id,
    ids.filter((id) => id !== input.slotId),
  );
  await syncMaxPoints(tx, quiz.id);
  await bumpContentVersion(tx, quiz.id);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: quiz.id, slotId: input.slotId };
}

/** Puts the quiz's slots in the given order: exactly its slots, or refused as outdated. */
export async function reorderQuestions(tx: DbOrTx, actor: Actor, input: z.output<typeof reorderQuestionsSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  if (!isPermutationOf(await slotIdsInOrder(tx, quiz.id), input.slotIds)) fail(staleQuestionOrderMessage);
  await writeSlotOrder(tx, quiz.id, input.slotIds);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: quiz.id, slotIds: input.slotIds };
}

