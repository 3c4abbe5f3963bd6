"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeCourseEdit } from "../course-access";
import { addLesson } from "../lessons";
import { revalidateCourseContent } from "../revalidate";
import { addLessonSchema } from "../schemas";

// A teacher adds a lesson at the end of a module.
export const addLessonAction = userAction({
  name: "authoring.addLesson",
  schema: addLessonSchema,
  authorize: authorizeCourseEdit,
  run: (input, { user, tx }) => addLesson(tx, user, input),
  after: revalidateCourseContent,
});
