"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeCourseEdit } from "../course-access";
import { shiftModule } from "../module-order";
import { revalidateCourseContent } from "../revalidate";
import { shiftModuleSchema } from "../schemas";

// A teacher moves a module one place up or down.
export const shiftModuleAction = userAction({
  name: "authoring.shiftModule",
  schema: shiftModuleSchema,
  authorize: authorizeCourseEdit,
  run: (input, { user, tx }) => shiftModule(tx, user, input),
  after: revalidateCourseContent,
});
