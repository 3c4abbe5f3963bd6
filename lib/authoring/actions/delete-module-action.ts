"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeCourseEdit } from "../course-access";
import { deleteModule } from "../modules";
import { revalidateCourseContent } from "../revalidate";
import { deleteModuleSchema } from "../schemas";

// A teacher deletes a module with its lessons and their files.
export const deleteModuleAction = userAction({
  name: "authoring.deleteModule",
  schema: deleteModuleSchema,
  authorize: authorizeCourseEdit,
  run: (input, { user, tx }) => deleteModule(tx, user, input),
  after: revalidateCourseContent,
});
