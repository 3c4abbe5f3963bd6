"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeCourseEdit } from "../course-access";
import { addModule } from "../modules";
import { revalidateCourseContent } from "../revalidate";
import { addModuleSchema } from "../schemas";

// A teacher adds a module at the end of its course.
export const addModuleAction = userAction({
  name: "authoring.addModule",
  schema: addModuleSchema,
  authorize: authorizeCourseEdit,
  run: (input, { user, tx }) => addModule(tx, user, input),
  after: revalidateCourseContent,
});
