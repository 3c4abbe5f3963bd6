import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { learningTasks, quizChoices, quizQuestions, quizzes } from "@/db/schema";
import type { GradableQuestion, GradingMethod } from "@/lib/grading";

export interface GradableQuiz {
  taskId: string;
  courseId: string;
  gradingMethod: GradingMethod;
  partialCredit: boolean;
  contentVersion: number;
  questions: GradableQuestion[];
}

/**
 * A quiz with its questions and the right answers, in position order, for
 * grading on the server. Never hand this to a page. Two statements.
 */
export async function loadGradableQuiz(db: DbOrTx, taskId: string): Promise<GradableQuiz | null> {
  const rows = await db
    .select({
      courseId: learningTasks.courseId,
      gradingMethod: quizzes.gradingMethod,
      partialCredit: quizzes.partialCredit,
      contentVersion: quizzes.contentVersion,
      question: {
        id: quizQuestions.id,
        type: quizQuestions.type,
        points: quizQuestions.points,
        acceptedAnswers: quizQuestions.acceptedAnswers,
        numericValue: quizQuestions.numericValue,
        numericTolerance: quizQuestions.numericTolerance,
      },
    })
    .from(quizzes)
    .innerJoin(learningTasks, eq(learningTasks.id, quizzes.taskId))
    .leftJoin(quizQuestions, eq(quizQuestions.taskId, quizzes.taskId))
    .where(eq(quizzes.taskId, taskId))
    .orderBy(asc(quizQuestions.position), asc(quizQuestions.id));
  const [first] = rows;
  if (!first) return null;

  const questions: GradableQuestion[] = rows.flatMap((row) => (row.question ? [{ ...row.question, choices: [] }] : []));
  const byId = new Map(questions.map((question) => [question.id, question]));
  if (questions.length > 0) {
    const choices = await db
      .select({ id: quizChoices.id, questionId: quizChoices.questionId, isCorrect: quizChoices.isCorrect })
      .from(quizChoices)
      .where(inArray(quizChoices.questionId, [...byId.keys()]))
      .orderBy(asc(quizChoices.position), asc(quizChoices.id));
    for (const choice of choices) byId.get(choice.questionId)?.choices.push({ id: choice.id, isCorrect: choice.isCorrect });
  }
  return {
    taskId,
    courseId: first.courseId,
    gradingMethod: first.gradingMethod,
    partialCredit: first.partialCredit,
    contentVersion: first.contentVersion,
    questions,
  };
}
