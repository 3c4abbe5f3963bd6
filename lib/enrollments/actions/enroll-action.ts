"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { enrollStudent } from "../enroll-student";
import { enrollSchema } from "../schemas";

// A student enrols in a course (with its key when the course is private).
export const enrollAction = userAction({
  name: "enroll",
  schema: enrollSchema,
  // The course rules (published, key, suspension) are checked by enrollStudent
  // against the locked row; here only the role.
  authorize: (user) => can(user, "area.student"),
  run: (input, { user, tx }) => enrollStudent(tx, user, input),
  after: async (data) => {
    revalidatePath(`/courses/${data.slug}`);
    revalidatePath("/dashboard");
  },
});
