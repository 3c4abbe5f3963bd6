"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { createCohort } from "../manage-cohort";
import { createCohortSchema } from "../schemas";

// An admin creates a named cohort.
export const createCohortAction = userAction({
  name: "createCohort",
  schema: createCohortSchema,
  authorize: (user) => can(user, "cohort.manage"),
  run: (input, { user, tx }) => createCohort(tx, user, input),
  after: async () => revalidatePath("/admin/cohorts"),
});
