"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeCourseEdit } from "../course-access";
import { moveLesson } from "../lesson-order";
import { revalidateCourseContent } from "../revalidate";
import { moveLessonSchema } from "../schemas";

// A teacher moves a lesson to another module of the course.
export const moveLessonAction = userAction({
  name: "authoring.moveLesson",
  schema: moveLessonSchema,
  authorize: authorizeCourseEdit,
  run: (input, { user, tx }) => moveLesson(tx, user, input),
  after: revalidateCourseContent,
});
