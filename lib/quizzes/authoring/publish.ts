import "server-only";
import { markCourseEdited } from "@/lib/authoring/course-access";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { learningTasks } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { publish } from "@/lib/events/publish";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { findCourseQuiz, lockManagedCourse } from "./access";
import { noQuestionsToPublishMessage } from "./messages";

import { questionSchema, type publishQuizSchema } from "./schemas";
import { loadResolvedSlots } from "@/lib/quizzes/quiz-slots";
import { randomSlotShortfalls } from "@/lib/quizzes/taking/draw-questions";
import { isDataQuestionType, readQuestionData } from "@/lib/quizzes/question-data";
import { loadQuestionVersions, questionFormValues } from "./stored-questions";

/**
 * Why a quiz cannot be published yet, or null when it can: at least one
 * question, every chosen question valid, every random slot sure to find enough
 * questions in the bank for any attempt.
 */
export async function publishBlocker(tx: DbOrTx, courseId: string, taskId: string): Promise<string | null> {
  const { rows, slots } = await loadResolvedSlots(tx, courseId, taskId);
  if (slots.length === 0) return noQuestionsToPublishMessage;
  const chosen = await loadQuestionVersions(tx, rows.flatMap((row) => (row.questionId ? [row.questionId] : [])));
  for (const [index, question] of chosen.entries()) {
    // An essay's data has no rule the form could refuse, so unreadable data is caught here for every data type.
    if (isDataQuestionType(question.type) && !readQuestionData(question.type, question.data)) {
      return `Question ${index + 1} needs attention before publishing: its content could not be read. Open it, check it and save it again.`;
    }
    const checked = questionSchema.safeParse(questionFormValues(question));
    if (!checked.success) return `Question ${index + 1} needs attention before publishing: ${checked.error.issues[0]!.message}`;
  }
  const [short] = randomSlotShortfalls(slots);
  if (short) {
    return `The question bank has ${short.available} question${short.available === 1 ? "" : "s"} left for “${short.label}”; add questions or draw fewer before publishing.`;
  }
  return null;
}

/**
 * Publishes a draft quiz (or takes it back to draft). A published quiz is a
 * required item of the course, so every enrolment's progress is recomputed
 * either way; publishing in a published course also announces the quiz to its
 * students through a `task.published` event.
 */
export async function setQuizPublished(tx: DbOrTx, actor: Actor, input: z.output<typeof publishQuizSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  const status = input.publish ? "published" : "draft";
  if (quiz.status !== status) {
    if (input.publish) {
      const blocker = await publishBlocker(tx, course.id, quiz.id);
      if (blocker) fail(blocker);
    }
    await tx.update(learningTasks).set({ status, updatedAt: new Date() }).where(eq(learningTasks.id, quiz.id));
    await recomputeProgress(tx, { courseId: course.id });
    if (input.publish && course.status === "published") {
      await publish(tx, { type: "task.published", aggregateId: quiz.id, payload: { taskId: quiz.id, courseId: course.id, taskType: "quiz" } }, actor.id);
    }
    await markCourseEdited(tx, course.id);
  }
  return { courseId: course.id, slug: course.slug, taskId: quiz.id, status };
}
