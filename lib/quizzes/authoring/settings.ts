import "server-only";
import { markCourseEdited } from "@/lib/authoring/course-access";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { learningTasks, quizzes } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { findCourseQuiz, lockManagedCourse } from "./access";
import { bumpContentVersion } from "./quiz-totals";
import type { updateQuizSettingsSchema } from "./schemas";

/**
 * Saves a quiz's settings: title, description and due date on its task, the
 * rest on the quiz. Changing the grading method or partial credit can change
 * scores, so it bumps the content version (submitted attempts turn stale).
 */
export async function updateQuizSettings(tx: DbOrTx, actor: Actor, input: z.output<typeof updateQuizSettingsSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  await tx
    .update(learningTasks)
    .set({ title: input.title, description: input.description, dueAt: input.dueAt, updatedAt: new Date() })
    .where(eq(learningTasks.id, quiz.id));
  await tx
    .update(quizzes)
    .set({
      timeLimitMinutes: input.timeLimitMinutes,
      attemptsAllowed: input.attemptsAllowed,
      gradingMethod: input.gradingMethod,
      shuffleQuestions: input.shuffleQuestions,
      shuffleChoices: input.shuffleChoices,
      partialCredit: input.partialCredit,
      reviewPolicy: input.reviewPolicy,
      updatedAt: new Date(),
    })
    .where(eq(quizzes.taskId, quiz.id));
  const scoreChanged = quiz.gradingMethod !== input.gradingMethod || quiz.partialCredit !== input.partialCredit;
  if (scoreChanged) await bumpContentVersion(tx, quiz.id);
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: quiz.id, scoreChanged };
}
