"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { linkCohortToCourse } from "../link-course";
import { linkCourseSchema } from "../schemas";

// An admin enrols a cohort's students in a course in one step, and keeps the link for later members.
export const linkCourseAction = userAction({
  name: "linkCohortCourse",
  schema: linkCourseSchema,
  authorize: (user) => can(user, "cohort.manage"),
  run: (input, { user, tx }) => linkCohortToCourse(tx, user, input),
  after: async (_data, input) => {
    revalidatePath("/admin/cohorts");
    revalidatePath(`/admin/cohorts/${input.cohortId}`);
  },
});
