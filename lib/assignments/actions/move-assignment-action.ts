"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { authorizeAssignmentManage, moveAssignment } from "../authoring/assignment-editing";
import { moveAssignmentSchema } from "../authoring/schemas";

// Puts an assignment at the end of another module of its course.
export const moveAssignmentAction = userAction({
  name: "moveAssignment",
  schema: moveAssignmentSchema,
  authorize: authorizeAssignmentManage,
  run: (input, { user, tx }) => moveAssignment(tx, user, input),
  after: async (data) => {
    revalidatePath(`/teacher/courses/${data.courseId}/structure`);
    revalidatePath(`/learn/${data.slug}`, "layout");
  },
});
