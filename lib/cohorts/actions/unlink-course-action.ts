"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { unlinkCohortFromCourse } from "../link-course";
import { unlinkCourseSchema } from "../schemas";

// An admin ends a cohort's link to a course; enrolments already made stay.
export const unlinkCourseAction = userAction({
  name: "unlinkCohortCourse",
  schema: unlinkCourseSchema,
  authorize: (user) => can(user, "cohort.manage"),
  run: (input, { user, tx }) => unlinkCohortFromCourse(tx, user, input),
  after: async (_data, input) => {
    revalidatePath("/admin/cohorts");
    revalidatePath(`/admin/cohorts/${input.cohortId}`);
  },
});
