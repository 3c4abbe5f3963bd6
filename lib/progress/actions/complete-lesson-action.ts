"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { completeLesson } from "../complete-lesson";
import { completeLessonSchema } from "../schemas";

// A student marks a lesson complete; progress follows from the rows.
export const completeLessonAction = userAction({
  name: "completeLesson",
  schema: completeLessonSchema,
  authorize: (user) => can(user, "area.student"),
  run: (input, { user, tx }) => completeLesson(tx, user, input.lessonId),
  after: async (data) => {
    revalidatePath("/dashboard");
    revalidatePath(`/learn/${data.slug}`, "layout");
  },
});
