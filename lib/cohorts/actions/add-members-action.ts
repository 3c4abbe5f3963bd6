"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { addMembers } from "../members";
import { addMembersSchema } from "../schemas";

// An admin adds chosen people to a cohort; students among them join its linked courses.
export const addMembersAction = userAction({
  name: "addCohortMembers",
  schema: addMembersSchema,
  authorize: (user) => can(user, "cohort.manage"),
  run: (input, { user, tx }) => addMembers(tx, user, input),
  after: async (_data, input) => revalidatePath(`/admin/cohorts/${input.cohortId}`),
});
