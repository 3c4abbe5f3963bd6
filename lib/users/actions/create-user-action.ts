"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { createUserSchema } from "../account-schemas";
import { createUserWithInvitation } from "../create-user";

// An admin creates an account and gets its invitation link (also emailed).
export const createUserAction = userAction({
  name: "createUser",
  schema: createUserSchema,
  authorize: (user) => can(user, "user.create"),
  run: (input, { user, tx }) => createUserWithInvitation(tx, user, input),
  after: async () => {
    revalidatePath("/admin");
    revalidatePath("/admin/users");
  },
});
