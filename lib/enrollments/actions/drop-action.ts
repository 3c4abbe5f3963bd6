"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { dropEnrollment } from "../drop-enrollment";
import { dropSchema } from "../schemas";

// A student leaves a course; its progress is kept for a later return.
export const dropAction = userAction({
  name: "drop",
  schema: dropSchema,
  authorize: (user) => can(user, "area.student"),
  run: (input, { user, tx }) => dropEnrollment(tx, user, input.courseId),
  after: async (data) => {
    revalidatePath(`/courses/${data.slug}`);
    revalidatePath("/dashboard");
  },
});
