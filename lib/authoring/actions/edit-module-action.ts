"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeCourseEdit } from "../course-access";
import { editModule } from "../modules";
import { revalidateCourseContent } from "../revalidate";
import { editModuleSchema } from "../schemas";

// A teacher renames a module or changes its description.
export const editModuleAction = userAction({
  name: "authoring.editModule",
  schema: editModuleSchema,
  authorize: authorizeCourseEdit,
  run: (input, { user, tx }) => editModule(tx, user, input),
  after: revalidateCourseContent,
});
