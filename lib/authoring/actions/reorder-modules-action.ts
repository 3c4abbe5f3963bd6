"use server";

import { userAction } from "@/lib/actions/action";
import { authorizeCourseEdit } from "../course-access";
import { reorderModules } from "../module-order";
import { revalidateCourseContent } from "../revalidate";
import { reorderModulesSchema } from "../schemas";

// A teacher puts its course's modules in a new order (drag and drop).
export const reorderModulesAction = userAction({
  name: "authoring.reorderModules",
  schema: reorderModulesSchema,
  authorize: authorizeCourseEdit,
  run: (input, { user, tx }) => reorderModules(tx, user, input),
  after: revalidateCourseContent,
});
