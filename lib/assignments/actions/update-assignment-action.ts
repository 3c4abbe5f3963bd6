"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { authorizeAssignmentManage, updateAssignment } from "../authoring/assignment-editing";
import { updateAssignmentSchema } from "../authoring/schemas";

// Changes an assignment's settings.
export const updateAssignmentAction = userAction({
  name: "updateAssignment",
  schema: updateAssignmentSchema,
  authorize: authorizeAssignmentManage,
  run: (input, { user, tx }) => updateAssignment(tx, user, input),
  after: async (data) => {
    revalidatePath(`/teacher/courses/${data.courseId}/structure`);
    revalidatePath(`/learn/${data.slug}`, "layout");
  },
});
