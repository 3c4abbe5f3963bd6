"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { authorizeAssignmentManage, deleteAssignment } from "../authoring/assignment-editing";
import { assignmentTaskSchema } from "../authoring/schemas";

// Deletes an assignment nobody has handed work in for.
export const deleteAssignmentAction = userAction({
  name: "deleteAssignment",
  schema: assignmentTaskSchema,
  authorize: authorizeAssignmentManage,
  run: (input, { user, tx }) => deleteAssignment(tx, user, input),
  after: async (data) => {
    revalidatePath(`/teacher/courses/${data.courseId}/structure`);
    revalidatePath(`/learn/${data.slug}`, "layout");
  },
});
