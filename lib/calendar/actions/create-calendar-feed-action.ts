"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { can } from "@/lib/auth/policy";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { emptySchema } from "@/lib/users/schemas";
import { createCalendarFeed } from "../feed-token";

// Makes the signed-in user's private calendar address, or a new one in place
// of the old, and answers with it: the only time it leaves the server.
export const createCalendarFeedAction = userAction({
  name: "createCalendarFeed",
  schema: emptySchema,
  authorize: (user) => can(user, "account.manageCalendarFeed", user),
  run: async (_input, { user, tx }) => {
    const created = await createCalendarFeed(tx, user, { ip: clientIpFrom(await headers()) });
    return { url: created.url, webcalUrl: created.webcalUrl, replaced: created.replaced };
  },
  after: async () => revalidatePath("/settings/calendar-feed"),
});
