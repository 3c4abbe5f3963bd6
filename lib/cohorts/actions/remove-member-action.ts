"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { removeMember } from "../members";
import { removeMemberSchema } from "../schemas";

// An admin takes someone out of a cohort; its enrolments stay.
export const removeMemberAction = userAction({
  name: "removeCohortMember",
  schema: removeMemberSchema,
  authorize: (user) => can(user, "cohort.manage"),
  run: (input, { user, tx }) => removeMember(tx, user, input),
  after: async (_data, input) => revalidatePath(`/admin/cohorts/${input.cohortId}`),
});
