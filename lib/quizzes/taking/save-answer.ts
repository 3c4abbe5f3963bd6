import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizAnswers, quizChoices, quizQuestions } from "@/db/schema";
import type { StoredResponse } from "@/db/schema/quizzes";
import type { QuestionType } from "@/db/schema/enums";
import { fail, KeptRefusal, missing } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { closeAttemptAtDeadline } from "./close-expired-attempts";
import { isPastDeadline } from "./deadline";
import { attemptClosedMessage, attemptNotFoundMessage, timeUpMessage } from "./messages";
import { loadOwnAttempt } from "./own-attempt";
import { answerTextMaxLength, type SaveAnswerInput } from "./schemas";
import { checkedDataResponse } from "./check-data-response";
import { isDataQuestionType } from "../question-data";
import { cleanOneLine } from "@/lib/text/one-line";

export { attemptClosedMessage, timeUpMessage };

export interface SavedAnswer {
  questionId: string;
  savedAt: string;
}

/**
 * Saves (or replaces) one answer of the actor's open attempt. Refused after
 * the deadline, whatever the browser's clock says: the attempt is then closed
 * and graded on the spot (a kept refusal, so that much is committed) and the
 * late answer is not stored.
 */
export async function saveAnswer(
  tx: DbOrTx,
  actor: Actor,
  input: SaveAnswerInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<SavedAnswer | KeptRefusal> {
  const attempt = await loadOwnAttempt(tx, actor, input.attemptId, { lock: true });
  if (!attempt) missing(attemptNotFoundMessage);
  if (attempt.status !== "in_progress") fail(attemptClosedMessage);
  if (isPastDeadline(attempt.deadlineAt, now)) {
    await closeAttemptAtDeadline(tx, attempt, actor.id);
    return new KeptRefusal(timeUpMessage);
  }

  // The attempt's own questions, fixed at its start: a version drawn for another student is not part of it.
  const [question] = attempt.questionOrder.includes(input.questionId)
    ? await tx.select({ id: quizQuestions.id, type: quizQuestions.type, data: quizQuestions.data }).from(quizQuestions).where(eq(quizQuestions.id, input.questionId))
    : [];
  if (!question) missing("This question is not part of the quiz.");

  const response = await checkedResponse(tx, question, input.response);
  await tx
    .insert(quizAnswers)
    .values({ attemptId: attempt.id, questionId: question.id, response, savedAt: now })
    .onConflictDoUpdate({
      target: [quizAnswers.attemptId, quizAnswers.questionId],
      set: { response, savedAt: now },
    });
  return { questionId: question.id, savedAt: now.toISOString() };
}

/** The response in the shape the question's type takes, its choices checked to be the question's own. */
async function checkedResponse(
  tx: DbOrTx,
  question: { id: string; type: QuestionType; data: unknown },
  response: SaveAnswerInput["response"],
): Promise<StoredResponse> {
  if (isDataQuestionType(question.type)) return checkedDataResponse(question.type, question.data, response);
  const choiceQuestion = question.type === "single_choice" || question.type === "multiple_choice" || question.type === "true_false";
  if (choiceQuestion) {
    if (!("choiceIds" in response)) fail("Choose one of the answers.", { response: ["Choose one of the answers."] });
    const choiceIds = [...new Set(response.choiceIds)];
    if (question.type !== "multiple_choice" && choiceIds.length > 1) {
      fail("Choose only one answer.", { response: ["Choose only one answer."] });
    }
    if (choiceIds.length > 0) {
      const known = await tx
        .select({ id: quizChoices.id })
        .from(quizChoices)
        .where(and(eq(quizChoices.questionId, question.id), inArray(quizChoices.id, choiceIds)));
      if (known.length !== choiceIds.length) fail("Choose one of the answers.", { response: ["Choose one of the answers."] });
    }
    return { choiceIds };
  }
  if (!("text" in response)) fail("Type your answer.", { response: ["Type your answer."] });
  const text = cleanOneLine(response.text);
  if (text.length > answerTextMaxLength) fail(`Keep your answer under ${answerTextMaxLength} characters.`, { response: [`Keep your answer under ${answerTextMaxLength} characters.`] });
  return { text };
}
