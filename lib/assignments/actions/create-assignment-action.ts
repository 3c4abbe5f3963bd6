"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { authorizeAssignmentManage, createAssignment } from "../authoring/assignment-editing";
import { createAssignmentSchema } from "../authoring/schemas";

// Adds a draft assignment or project to a module.
export const createAssignmentAction = userAction({
  name: "createAssignment",
  schema: createAssignmentSchema,
  authorize: authorizeAssignmentManage,
  run: (input, { user, tx }) => createAssignment(tx, user, input),
  after: async (data) => {
    revalidatePath(`/teacher/courses/${data.courseId}/structure`);
    revalidatePath(`/learn/${data.slug}`, "layout");
  },
});
