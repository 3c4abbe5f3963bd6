"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { fail } from "@/lib/actions/result";
import { can } from "@/lib/auth/policy";
import { changeUserRole, findUserForUpdate } from "../manage-user";
import { changeRoleSchema } from "../schemas";

// An admin gives a user another role.
export const changeRoleAction = userAction({
  name: "changeRole",
  schema: changeRoleSchema,
  authorize: async (user, input, tx) => {
    const target = await findUserForUpdate(tx, input.userId);
    return target !== null && can(user, "user.changeRole", target);
  },
  run: async (input, { user, tx }) => {
    const result = await changeUserRole(tx, user, input.userId, input.role);
    if (!result.changed) fail("The user already has that role.");
    return result;
  },
  after: async () => {
    revalidatePath("/admin");
    revalidatePath("/admin/users");
  },
});
