"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { findUserForUpdate, setUserActive } from "../manage-user";
import { setActiveSchema } from "../schemas";

// An admin deactivates (ending every session) or reactivates a user.
export const setActiveAction = userAction({
  name: "setActive",
  schema: setActiveSchema,
  authorize: async (user, input, tx) => {
    const target = await findUserForUpdate(tx, input.userId);
    return target !== null && can(user, "user.setActive", target);
  },
  run: (input, { user, tx }) => setUserActive(tx, user, input.userId, input.active),
  after: async () => {
    revalidatePath("/admin");
    revalidatePath("/admin/users");
  },
});
