"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeCourseEdit } from "../course-access";
import { shiftLesson } from "../lesson-order";
import { revalidateCourseContent } from "../revalidate";
import { shiftLessonSchema } from "../schemas";

// A teacher moves a lesson one place up or down in its module.
export const shiftLessonAction = userAction({
  name: "authoring.shiftLesson",
  schema: shiftLessonSchema,
  authorize: authorizeCourseEdit,
  run: (input, { user, tx }) => shiftLesson(tx, user, input),
  after: revalidateCourseContent,
});
