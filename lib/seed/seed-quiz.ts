import type { DbOrTx } from "@/db";
import { learningTasks, quizAnswers, quizAttempts, quizzes } from "@/db/schema";
import { insertQuizQuestions } from "@/lib/question-bank/insert-quiz-questions";
import type { StoredResponse } from "@/db/schema/quizzes";
import { gradeClosedAttempts } from "@/lib/quizzes/record-grades";
import type { DemoAnswer, DemoQuiz } from "./demo-quizzes";

/** Creates a published demo quiz in a module, then the demo students' submitted attempts, graded like real ones. */
export async function seedQuiz(
  tx: DbOrTx,
  quiz: DemoQuiz,
  { courseId, moduleId, idByEmail }: { courseId: string; moduleId: string; idByEmail: Map<string, string> },
) {
  const maxPoints = quiz.questions.reduce((sum, question) => sum + question.points, 0);
  const [task] = await tx
    .insert(learningTasks)
    .values({ courseId, moduleId, type: "quiz", title: quiz.title, description: quiz.description, status: "published", maxPoints })
    .returning({ id: learningTasks.id });
  const taskId = task!.id;
  await tx.insert(quizzes).values({
    taskId,
    timeLimitMinutes: quiz.timeLimitMinutes,
    attemptsAllowed: quiz.attemptsAllowed,
    gradingMethod: quiz.gradingMethod,
    reviewPolicy: quiz.reviewPolicy,
    partialCredit: quiz.partialCredit,
  });

  const inserted = await insertQuizQuestions(tx, {
    courseId,
    taskId,
    questions: quiz.questions.map((question) => ({
      type: question.type,
      text: question.text,
      points: question.points,
      explanation: question.explanation,
      acceptedAnswers: question.acceptedAnswers ?? [],
      numericValue: question.numeric?.value ?? null,
      numericTolerance: question.numeric?.tolerance ?? 0,
      choices: (question.choices ?? []).map((choice) => ({ text: choice.text, isCorrect: choice.correct ?? false })),
    })),
  });
  const questionIds = inserted.map((question) => question.questionId);
  const choiceIds = inserted.map((question) => question.choiceIds);

  const responseOf = (index: number, answer: DemoAnswer): StoredResponse =>
    typeof answer === "string" ? { text: answer } : { choiceIds: answer.map((choice) => choiceIds[index]![choice]!) };

  const attemptIds: string[] = [];
  for (const attempt of quiz.attempts) {
    const userId = idByEmail.get(attempt.email);
    if (!userId) continue;
    const startedAt = new Date(Date.now() - 60 * 60 * 1000);
    const submittedAt = new Date(startedAt.getTime() + 6 * 60 * 1000);
    const [row] = await tx
      .insert(quizAttempts)
      .values({
        taskId,
        userId,
        attemptNumber: 1,
        status: "submitted",
        startedAt,
        deadlineAt: quiz.timeLimitMinutes ? new Date(startedAt.getTime() + quiz.timeLimitMinutes * 60 * 1000) : null,
        submittedAt,
        questionOrder: questionIds,
        questionPoints: Object.fromEntries(quiz.questions.map((question, index) => [questionIds[index]!, question.points])),
      })
      .returning({ id: quizAttempts.id });
    attemptIds.push(row!.id);
    await tx.insert(quizAnswers).values(
      attempt.answers.map((answer, index) => ({
        attemptId: row!.id,
        questionId: questionIds[index]!,
        response: responseOf(index, answer),
        savedAt: submittedAt,
      })),
    );
  }
  await gradeClosedAttempts(tx, { taskId, attemptIds });
  return taskId;
}
