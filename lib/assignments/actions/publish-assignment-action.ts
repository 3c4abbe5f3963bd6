"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { authorizeAssignmentManage, setAssignmentPublished } from "../authoring/assignment-editing";
import { publishAssignmentSchema } from "../authoring/schemas";

// Publishes an assignment or takes it back to draft.
export const publishAssignmentAction = userAction({
  name: "publishAssignment",
  schema: publishAssignmentSchema,
  authorize: authorizeAssignmentManage,
  run: (input, { user, tx }) => setAssignmentPublished(tx, user, input),
  after: async (data) => {
    revalidatePath(`/teacher/courses/${data.courseId}/structure`);
    revalidatePath(`/learn/${data.slug}`, "layout");
  },
});
