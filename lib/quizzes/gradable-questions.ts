import { asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizChoices, quizQuestions } from "@/db/schema";
import type { GradableQuestion } from "@/lib/grading";
import { gradingDataOf, readAnswerExtras } from "./question-data";

/**
 * Question versions with their right answers, by id, for grading on the
 * server: each attempt is graded with the versions it recorded. Never hand
 * this to a page. Two statements, whatever the number of questions.
 */
export async function loadGradableQuestions(db: DbOrTx, ids: readonly string[]): Promise<Map<string, GradableQuestion>> {
  const byId = new Map<string, GradableQuestion>();
  if (ids.length === 0) return byId;
  const rows = await db
    .select({
      id: quizQuestions.id,
      type: quizQuestions.type,
      points: quizQuestions.points,
      acceptedAnswers: quizQuestions.acceptedAnswers,
      numericValue: quizQuestions.numericValue,
      numericTolerance: quizQuestions.numericTolerance,
      data: quizQuestions.data,
    })
    .from(quizQuestions)
    .where(inArray(quizQuestions.id, [...new Set(ids)]));
  for (const { data, ...row } of rows) byId.set(row.id, { ...row, choices: [], data: gradingDataOf(row.type, data), ...weightedAnswersOf(row, data) });
  if (byId.size === 0) return byId;
  const choices = await db
    .select({ id: quizChoices.id, questionId: quizChoices.questionId, isCorrect: quizChoices.isCorrect, weight: quizChoices.weight })
    .from(quizChoices)
    .where(inArray(quizChoices.questionId, [...byId.keys()]))
    .orderBy(asc(quizChoices.position), asc(quizChoices.id));
  for (const choice of choices) byId.get(choice.questionId)?.choices.push({ id: choice.id, isCorrect: choice.isCorrect, weight: choice.weight });
  return byId;
}

/**
 * A short answer's or numeric question's weighted answers, when its data keeps
 * partly right answers or other values: the full-marks ones from the columns
 * (100%) beside them. Without extras, nothing: it grades from the columns.
 */
export function weightedAnswersOf(
  row: Pick<GradableQuestion, "type" | "acceptedAnswers" | "numericValue" | "numericTolerance">,
  data: unknown,
): Pick<GradableQuestion, "answers" | "numericAnswers"> {
  if (row.type === "short_answer") {
    const extras = readAnswerExtras("short_answer", data);
    if (!extras || extras.partial.length === 0) return {};
    return { answers: [...row.acceptedAnswers.map((text) => ({ text, weight: 100 })), ...extras.partial] };
  }
  if (row.type === "numeric") {
    const extras = readAnswerExtras("numeric", data);
    if (!extras || extras.others.length === 0) return {};
    const full = row.numericValue === null ? [] : [{ value: row.numericValue, tolerance: row.numericTolerance, weight: 100 }];
    return { numericAnswers: [...full, ...extras.others] };
  }
  return {};
}

/** An attempt's questions in its order, each worth the points the attempt recorded for it. */
export function attemptQuestions(
  attempt: { questionOrder: readonly string[]; questionPoints: Readonly<Record<string, number>> },
  versions: ReadonlyMap<string, GradableQuestion>,
): GradableQuestion[] {
  return attempt.questionOrder.flatMap((id) => {
    const question = versions.get(id);
    return question ? [{ ...question, points: attempt.questionPoints[id] ?? question.points }] : [];
  });
}
