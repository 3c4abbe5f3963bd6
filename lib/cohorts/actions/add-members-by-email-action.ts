"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { addMembersByEmail } from "../members";
import { addMembersByEmailSchema } from "../schemas";

// An admin adds the accounts of a list (or one-column CSV) of emails, all or none.
export const addMembersByEmailAction = userAction({
  name: "addCohortMembersByEmail",
  schema: addMembersByEmailSchema,
  authorize: (user) => can(user, "cohort.manage"),
  run: (input, { user, tx }) => addMembersByEmail(tx, user, input),
  after: async (_data, input) => revalidatePath(`/admin/cohorts/${input.cohortId}`),
});
