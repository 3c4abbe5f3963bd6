"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeCourseEdit } from "../course-access";
import { editLesson } from "../lessons";
import { revalidateCourseContent } from "../revalidate";
import { editLessonSchema } from "../schemas";

// A teacher changes a lesson's title, kind, content or duration.
export const editLessonAction = userAction({
  name: "authoring.editLesson",
  schema: editLessonSchema,
  authorize: authorizeCourseEdit,
  run: (input, { user, tx }) => editLesson(tx, user, input),
  after: revalidateCourseContent,
});
