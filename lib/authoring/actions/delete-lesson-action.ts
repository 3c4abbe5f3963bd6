"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeCourseEdit } from "../course-access";
import { deleteLesson } from "../lessons";
import { revalidateCourseContent } from "../revalidate";
import { deleteLessonSchema } from "../schemas";

// A teacher deletes a lesson and its file.
export const deleteLessonAction = userAction({
  name: "authoring.deleteLesson",
  schema: deleteLessonSchema,
  authorize: authorizeCourseEdit,
  run: (input, { user, tx }) => deleteLesson(tx, user, input),
  after: revalidateCourseContent,
});
