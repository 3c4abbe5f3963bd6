"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeCourseEdit } from "../course-access";
import { reorderLessons } from "../lesson-order";
import { revalidateCourseContent } from "../revalidate";
import { reorderLessonsSchema } from "../schemas";

// A teacher puts a module's lessons in a new order (drag and drop).
export const reorderLessonsAction = userAction({
  name: "authoring.reorderLessons",
  schema: reorderLessonsSchema,
  authorize: authorizeCourseEdit,
  run: (input, { user, tx }) => reorderLessons(tx, user, input),
  after: revalidateCourseContent,
});
