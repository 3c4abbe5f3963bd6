import "server-only";
import { markCourseEdited } from "@/lib/authoring/course-access";
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { quizChoices, quizQuestions } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { isPermutationOf } from "@/lib/authoring/ordering";
import { findCourseQuiz, lockManagedCourse } from "./access";
import { lastQuestionMessage, questionNotFoundMessage, staleChoiceMessage, staleQuestionOrderMessage } from "./messages";
import { bumpContentVersion, syncMaxPoints } from "./quiz-totals";
import type { deleteQuestionSchema, NormalizedQuestion, reorderQuestionsSchema, saveQuestionSchema } from "./schemas";
import { questionScoreChanged } from "./score-changes";
import { loadStoredQuestions } from "./stored-questions";

async function questionIdsInOrder(tx: DbOrTx, taskId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: quizQuestions.id })
    .from(quizQuestions)
    .where(eq(quizQuestions.taskId, taskId))
    .orderBy(quizQuestions.position, quizQuestions.createdAt, quizQuestions.id);
  return rows.map((row) => row.id);
}

/** Gives the quiz's questions the positions 0..n-1 in the order of `ids`, in one statement. */
async function writeQuestionOrder(tx: DbOrTx, taskId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const values = sql.join(
    ids.map((id, position) => sql`(${id}::uuid, ${position}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE quiz_questions AS q SET position = v.position, updated_at = now()
    FROM (VALUES ${values}) AS v(id, position)
    WHERE q.id = v.id AND q.task_id = ${taskId} AND q.position <> v.position`);
}

const questionColumns = (question: NormalizedQuestion) => ({
  type: question.type,
  text: question.text,
  points: question.points,
  explanation: question.explanation,
  acceptedAnswers: question.acceptedAnswers,
  numericValue: question.numericValue,
  numericTolerance: question.numericTolerance,
});

/**
 * Writes a question's choices: kept choices keep their ids (students' saved
 * picks point at them), removed ones are deleted, new ones inserted, and all
 * take the positions of the list.
 */
async function writeChoices(tx: DbOrTx, questionId: string, choices: NormalizedQuestion["choices"]): Promise<void> {
  const keptIds = choices.flatMap((choice) => (choice.id ? [choice.id] : []));
  await tx
    .delete(quizChoices)
    .where(and(eq(quizChoices.questionId, questionId), keptIds.length > 0 ? notInArray(quizChoices.id, keptIds) : undefined));
  const kept = choices.flatMap((choice, position) => (choice.id ? [sql`(${choice.id}::uuid, ${choice.text}::text, ${choice.isCorrect}::boolean, ${position}::int)`] : []));
  if (kept.length > 0) {
    await tx.execute(sql`
      UPDATE quiz_choices AS c SET text = v.text, is_correct = v.is_correct, position = v.position
      FROM (VALUES ${sql.join(kept, sql`, `)}) AS v(id, text, is_correct, position)
      WHERE c.id = v.id AND c.question_id = ${questionId}`);
  }
  const added = choices.flatMap((choice, position) => (choice.id ? [] : [{ questionId, text: choice.text, isCorrect: choice.isCorrect, position }]));
  if (added.length > 0) await tx.insert(quizChoices).values(added);
}

/**
 * Adds a question at the end of the quiz (no `questionId`) or replaces one.
 * The task's max points follow; a change that can alter a score (see
 * questionScoreChanged) bumps the quiz's content version.
 */
export async function saveQuestion(tx: DbOrTx, actor: Actor, input: z.output<typeof saveQuestionSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  const { question } = input;
  let questionId: string;
  let scoreChanged: boolean;

  if (input.questionId) {
    const [before] = await loadStoredQuestions(tx, quiz.id, input.questionId);
    if (!before) fail(questionNotFoundMessage);
    const ownIds = new Set(before.choices.map((choice) => choice.id));
    if (question.choices.some((choice) => choice.id && !ownIds.has(choice.id))) fail(staleChoiceMessage);
    // A true/false question's two choices are new when it was another kind before.
    const choices = question.type === "true_false" && before.type !== "true_false" ? question.choices.map((choice) => ({ ...choice, id: null })) : question.choices;
    await tx.update(quizQuestions).set({ ...questionColumns(question), updatedAt: new Date() }).where(eq(quizQuestions.id, before.id));
    await writeChoices(tx, before.id, choices);
    questionId = before.id;
    scoreChanged = questionScoreChanged(before, { ...question, choices });
  } else {
    if (question.choices.some((choice) => choice.id)) fail(staleChoiceMessage);
    const [row] = await tx
      .insert(quizQuestions)
      .values({
        ...questionColumns(question),
        taskId: quiz.id,
        position: sql`(SELECT count(*)::int FROM ${quizQuestions} WHERE ${quizQuestions.taskId} = ${quiz.id})`,
      })
      .returning({ id: quizQuestions.id });
    questionId = row!.id;
    await writeChoices(tx, questionId, question.choices);
    scoreChanged = true;
  }

  await syncMaxPoints(tx, quiz.id);
  if (scoreChanged) await bumpContentVersion(tx, quiz.id);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: quiz.id, questionId, scoreChanged };
}

/** Deletes a question (its choices and answers go with it); a published quiz keeps at least one. */
export async function deleteQuestion(tx: DbOrTx, actor: Actor, input: z.output<typeof deleteQuestionSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  const ids = await questionIdsInOrder(tx, quiz.id);
  if (!ids.includes(input.questionId)) fail(questionNotFoundMessage);
  if (quiz.status === "published" && ids.length === 1) fail(lastQuestionMessage);
  await tx.delete(quizQuestions).where(and(eq(quizQuestions.id, input.questionId), eq(quizQuestions.taskId, quiz.id)));
  await writeQuestionOrder(
    tx,
    quiz.id,
    ids.filter((id) => id !== input.questionId),
  );
  await syncMaxPoints(tx, quiz.id);
  await bumpContentVersion(tx, quiz.id);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: quiz.id, questionId: input.questionId };
}

/** Puts the quiz's questions in the given order: exactly its questions, or refused as outdated. */
export async function reorderQuestions(tx: DbOrTx, actor: Actor, input: z.output<typeof reorderQuestionsSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  if (!isPermutationOf(await questionIdsInOrder(tx, quiz.id), input.questionIds)) fail(staleQuestionOrderMessage);
  await writeQuestionOrder(tx, quiz.id, input.questionIds);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: quiz.id, questionIds: input.questionIds };
}

