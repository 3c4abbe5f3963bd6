"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { updateCohort } from "../manage-cohort";
import { updateCohortSchema } from "../schemas";

// An admin renames a cohort or changes its description.
export const updateCohortAction = userAction({
  name: "updateCohort",
  schema: updateCohortSchema,
  authorize: (user) => can(user, "cohort.manage"),
  run: (input, { user, tx }) => updateCohort(tx, user, input),
  after: async (data) => {
    revalidatePath("/admin/cohorts");
    revalidatePath(`/admin/cohorts/${data.id}`);
  },
});
