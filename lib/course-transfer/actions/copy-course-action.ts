"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { copyCourseSchema, requestCourseCopy } from "../transfers/transfer-commands";

// Queues a copy of a course for a new term; the form then opens the copy's progress page.
export const copyCourseAction = userAction({
  name: "course.copy",
  schema: copyCourseSchema,
  // Teachers and admins reach the command, which answers "not found" for a course the user may not copy.
  authorize: (user) => can(user, "area.teacher"),
  run: (input, { user, tx }) => requestCourseCopy(tx, user, input),
  // The import page lists the user's recent copies and imports.
  after: async () => revalidatePath("/teacher/courses/import"),
});
