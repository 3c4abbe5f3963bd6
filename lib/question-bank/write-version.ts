import "server-only";
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { questionBankEntries, quizChoices, quizQuestions } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { staleChoiceMessage } from "@/lib/quizzes/authoring/messages";
import { storedQuestionData } from "@/lib/quizzes/authoring/question-data-form";
import type { NormalizedQuestion } from "@/lib/quizzes/authoring/schemas";
import { questionScoreChanged } from "@/lib/quizzes/authoring/score-changes";
import { loadCurrentVersions, type StoredQuestion } from "@/lib/quizzes/authoring/stored-questions";
import { versionInUse } from "./version-in-use";

/** What a question version holds: the form's fields, plus what imports bring (a name, weights, feedback, type data). */
export interface QuestionContent extends Omit<NormalizedQuestion, "choices" | "data"> {
  name?: string;
  /** A matching, ordering, cloze or essay question's content: the form's draft or stored data; stored by storedQuestionData. */
  data?: Record<string, unknown> | null;
  choices: { id: string | null; text: string; isCorrect: boolean; weight?: number | null; feedback?: string }[];
}

export interface WrittenQuestion {
  entryId: string;
  questionId: string;
  version: number;
  /** A new version was added because attempts use the one before. */
  newVersion: boolean;
  /** A saved answer could score differently now. */
  scoreChanged: boolean;
}

const versionColumns = (question: QuestionContent) => ({
  type: question.type,
  name: question.name ?? "",
  text: question.text,
  points: question.points,
  explanation: question.explanation,
  acceptedAnswers: question.acceptedAnswers,
  numericValue: question.numericValue,
  numericTolerance: question.numericTolerance,
  data: question.data ?? null,
});

const choiceRow = (questionId: string, choice: QuestionContent["choices"][number], position: number, previousId: string | null = null) => ({
  questionId,
  text: choice.text,
  isCorrect: choice.isCorrect,
  weight: choice.weight ?? null,
  feedback: choice.feedback ?? "",
  position,
  previousId,
});

/**
 * Inserts a version. A choice that carries an id (kept from the version
 * before) is a new row that remembers that id, so a re-grade can carry a
 * student's pick over to it.
 */
async function insertVersion(tx: DbOrTx, courseId: string, entryId: string, version: number, question: QuestionContent, actorId: string | null) {
  const [row] = await tx
    .insert(quizQuestions)
    .values({ ...versionColumns(question), entryId, courseId, version, createdBy: actorId })
    .returning({ id: quizQuestions.id });
  if (question.choices.length > 0) await tx.insert(quizChoices).values(question.choices.map((choice, position) => choiceRow(row!.id, choice, position, choice.id)));
  return row!.id;
}

/**
 * Rewrites an unused version's choices: kept choices keep their ids, removed
 * ones go, new ones are added, all take the positions of the list.
 */
async function rewriteChoices(tx: DbOrTx, questionId: string, choices: QuestionContent["choices"]): Promise<void> {
  const keptIds = choices.flatMap((choice) => (choice.id ? [choice.id] : []));
  await tx
    .delete(quizChoices)
    .where(and(eq(quizChoices.questionId, questionId), keptIds.length > 0 ? notInArray(quizChoices.id, keptIds) : undefined));
  const kept = choices.flatMap((choice, position) =>
    choice.id ? [sql`(${choice.id}::uuid, ${choice.text}::text, ${choice.isCorrect}::boolean, ${choice.weight ?? null}::numeric, ${choice.feedback ?? ""}::text, ${position}::int)`] : [],
  );
  if (kept.length > 0) {
    await tx.execute(sql`
      UPDATE quiz_choices AS c SET text = v.text, is_correct = v.is_correct, weight = v.weight, feedback = v.feedback, position = v.position
      FROM (VALUES ${sql.join(kept, sql`, `)}) AS v(id, text, is_correct, weight, feedback, position)
      WHERE c.id = v.id AND c.question_id = ${questionId}`);
  }
  const added = choices.flatMap((choice, position) => (choice.id ? [] : [choiceRow(questionId, choice, position)]));
  if (added.length > 0) await tx.insert(quizChoices).values(added);
}

/**
 * A change that can change a score makes the attempts graded before it stale
 * in every quiz that uses the question (a chosen slot) or gave it to an
 * attempt (a random draw): each builder then offers to re-grade. One statement.
 */
async function markQuizzesStale(tx: DbOrTx, entryId: string, versionId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE quizzes SET content_version = content_version + 1, updated_at = now()
    WHERE task_id IN (
      SELECT task_id FROM quiz_slots WHERE entry_id = ${entryId}
      UNION
      SELECT task_id FROM quiz_attempts WHERE question_order @> ARRAY[${versionId}::uuid])`);
}

/** A new bank entry of the course with its first version. */
export async function createBankQuestion(
  tx: DbOrTx,
  { courseId, actorId, question, categoryId = null, tags = [] }: { courseId: string; actorId: string | null; question: QuestionContent; categoryId?: string | null; tags?: string[] },
): Promise<WrittenQuestion> {
  if (question.choices.some((choice) => choice.id)) fail(staleChoiceMessage);
  // Every row of a new question's data gets a new id, whatever it came with (a copy's ids stay its source's).
  const data = storedQuestionData(question.type, question.data, null);
  const [entry] = await tx.insert(questionBankEntries).values({ courseId, categoryId, tags, createdBy: actorId }).returning({ id: questionBankEntries.id });
  const questionId = await insertVersion(tx, courseId, entry!.id, 1, { ...question, data, choices: question.choices.map((choice) => ({ ...choice, id: null })) }, actorId);
  return { entryId: entry!.id, questionId, version: 1, newVersion: false, scoreChanged: true };
}

/**
 * Saves new content for a bank entry. While no attempt has been given the
 * current version it is changed in place (choices keep their ids); once one
 * has, the content becomes a new version and the old one stays, unchanged,
 * for the attempts that show and grade it.
 */
export async function updateBankQuestion(
  tx: DbOrTx,
  { courseId, entryId, actorId, question, before: given }: { courseId: string; entryId: string; actorId: string | null; question: QuestionContent; before?: StoredQuestion },
): Promise<WrittenQuestion> {
  const before = given ?? (await loadCurrentVersions(tx, [entryId], courseId))[0];
  if (!before) fail("This question does not exist. The page now shows the bank as it is.");
  const ownIds = new Set(before.choices.map((choice) => choice.id));
  if (question.choices.some((choice) => choice.id && !ownIds.has(choice.id))) fail(staleChoiceMessage);
  // A true/false question's two choices are new when it was another kind before.
  const choices = question.type === "true_false" && before.type !== "true_false" ? question.choices.map((choice) => ({ ...choice, id: null })) : question.choices;
  // Data rows keep their ids when the version before had them, so saved answers still point at them.
  const content = { ...question, choices, data: storedQuestionData(question.type, question.data, before.data) };
  const scoreChanged = questionScoreChanged(before, content);
  if (scoreChanged) await markQuizzesStale(tx, entryId, before.id);

  if (await versionInUse(tx, before.id)) {
    await tx.update(quizQuestions).set({ isCurrent: false }).where(eq(quizQuestions.id, before.id));
    const questionId = await insertVersion(tx, courseId, entryId, before.version + 1, content, actorId);
    await tx.update(questionBankEntries).set({ updatedAt: new Date() }).where(eq(questionBankEntries.id, entryId));
    return { entryId, questionId, version: before.version + 1, newVersion: true, scoreChanged };
  }
  await tx.update(quizQuestions).set({ ...versionColumns(content), updatedAt: new Date() }).where(eq(quizQuestions.id, before.id));
  await rewriteChoices(tx, before.id, choices);
  await tx.update(questionBankEntries).set({ updatedAt: new Date() }).where(eq(questionBankEntries.id, entryId));
  return { entryId, questionId: before.id, version: before.version, newVersion: false, scoreChanged };
}
