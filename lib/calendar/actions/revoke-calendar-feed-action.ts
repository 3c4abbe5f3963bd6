"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { emptySchema } from "@/lib/users/schemas";
import { revokeCalendarFeed } from "../feed-token";

// Revokes the signed-in user's calendar address: calendar apps subscribed to
// it get nothing more from their next fetch.
export const revokeCalendarFeedAction = userAction({
  name: "revokeCalendarFeed",
  schema: emptySchema,
  authorize: (user) => can(user, "account.manageCalendarFeed", user),
  run: async (_input, { user, tx }) => {
    await revokeCalendarFeed(tx, user, { ip: clientIpFrom(await headers()) });
    return { revoked: true };
  },
  after: async () => revalidatePath("/settings/calendar-feed"),
});
