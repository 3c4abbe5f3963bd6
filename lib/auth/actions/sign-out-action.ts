"use server";

import { publicAction, userAction } from "@/lib/actions/action";
import { signOutEverywhere } from "@/lib/users/manage-user";
import { emptySchema } from "@/lib/users/schemas";
import { can } from "../policy";
import { signOut } from "../next-auth";

// Ends this browser's session. Open to anyone: a session that is already
// invalid must still be able to clear its cookie.
export const signOutAction = publicAction({
  name: "signOut",
  schema: emptySchema,
  authorize: () => true,
  transaction: false,
  run: async () => {
    await signOut({ redirectTo: "/" });
  },
});

// Ends every session of the current user, on every device.
export const signOutEverywhereAction = userAction({
  name: "signOutEverywhere",
  schema: emptySchema,
  authorize: (user) => can(user, "account.signOutEverywhere", user),
  run: async (_input, { user, tx }) => {
    await signOutEverywhere(tx, user.id);
  },
  after: async () => {
    await signOut({ redirectTo: "/sign-in" });
  },
});
