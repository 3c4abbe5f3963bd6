"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { gradeEssayAnswer } from "../grading/grade-essay-answer";
import { gradeEssaySchema } from "../grading/schemas";

// A teacher scores and comments one essay of a submitted attempt; the work checks the course and the attempt.
export const gradeEssayAction = userAction({
  name: "quizzes.gradeEssay",
  schema: gradeEssaySchema,
  authorize: (user) => can(user, "area.teacher"),
  run: (input, { user, tx }) => gradeEssayAnswer(tx, user, input),
  after: async (outcome) => {
    revalidatePath("/teacher/grading", "layout");
    revalidatePath(`/teacher/courses/${outcome.courseId}/quizzes/${outcome.taskId}/results`, "layout");
    revalidatePath(`/learn/${outcome.slug}/quiz/${outcome.taskId}`, "layout");
  },
});
