import "server-only";
import type { DbOrTx } from "@/db";
import { ApiProblem } from "@/lib/api/problem";
import type { Actor } from "@/lib/auth/policy";
import { readAnswerExtras, readQuestionData } from "@/lib/quizzes/question-data";
import { loadCategoryTree } from "./category-tree";
import { loadBankQuestion, type BankQuestionDetail } from "./queries";

// The bank's API answers, field by field from what the pages read.

export function bankQuestionView(detail: BankQuestionDetail) {
  const { question } = detail;
  return {
    entryId: detail.entryId,
    questionId: question.id,
    version: question.version,
    categoryId: detail.categoryId,
    tags: detail.tags,
    type: question.type,
    name: question.name,
    text: question.text,
    points: question.points,
    explanation: question.explanation,
    choices: question.choices.map((choice) => ({ id: choice.id, text: choice.text, isCorrect: choice.isCorrect, weight: choice.weight, feedback: choice.feedback })),
    acceptedAnswers: question.acceptedAnswers,
    numericValue: question.numericValue,
    numericTolerance: question.numericTolerance,
    // Parsed, so a malformed stored value answers null rather than breaking the documented shape.
    data: readQuestionData(question.type, question.data) ?? readAnswerExtras(question.type, question.data),
    usedIn: detail.usedIn,
  };
}

export async function bankQuestionAnswer(db: DbOrTx, actor: Actor, courseId: string, entryId: string) {
  const detail = await loadBankQuestion(db, actor, courseId, entryId);
  if (!detail) throw new ApiProblem("not_found", "This question does not exist in this course's bank.");
  return bankQuestionView(detail);
}

export async function categoryAnswer(db: DbOrTx, courseId: string, categoryId: string) {
  const category = (await loadCategoryTree(db, courseId)).find((candidate) => candidate.id === categoryId);
  if (!category) throw new ApiProblem("not_found", "This category does not exist.");
  return category;
}
