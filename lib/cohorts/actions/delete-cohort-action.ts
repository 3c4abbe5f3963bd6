"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { deleteCohort } from "../manage-cohort";
import { deleteCohortSchema } from "../schemas";

// An admin deletes a cohort after typing its name; the enrolments it made stay.
export const deleteCohortAction = userAction({
  name: "deleteCohort",
  schema: deleteCohortSchema,
  authorize: (user) => can(user, "cohort.manage"),
  run: (input, { user, tx }) => deleteCohort(tx, user, input),
  after: async () => {
    revalidatePath("/admin/cohorts");
    redirect("/admin/cohorts?deleted=1");
  },
});
