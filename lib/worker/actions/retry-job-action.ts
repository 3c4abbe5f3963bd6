"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { fail } from "@/lib/actions/result";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { retryDeadLetter } from "../retry-job";
import { retryJobSchema } from "../schemas";

// An admin sends a dead-lettered job back to its queue to run again.
export const retryJobAction = userAction({
  name: "retryJob",
  schema: retryJobSchema,
  authorize: (user) => can(user, "job.retry"),
  run: async (input, { user, tx }) => {
    const outcome = await retryDeadLetter(tx, user, input, clientIpFrom(await headers()));
    if (!outcome.retried) fail("This job is no longer dead-lettered: it was retried already or has expired.");
    return outcome;
  },
  after: async () => revalidatePath("/admin/outbox"),
});
