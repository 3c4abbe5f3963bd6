"use server";

import { userAction } from "@/lib/actions/action";
import { setThreadLocked } from "../moderate-thread";
import { setLockedSchema } from "../schemas";
import { revalidateDiscussions } from "./revalidate";

// A moderator locks a thread (no more replies from students), or unlocks it.
// Any signed-in user may try; the work checks the course's policy (membership,
// posting, moderation) on the thread it loads, and refuses with nothing written.
export const setThreadLockedAction = userAction({
  name: "setThreadLocked",
  schema: setLockedSchema,
  authorize: () => true,
  run: (input, { user, tx }) => setThreadLocked(tx, user, input),
  after: async (outcome) => revalidateDiscussions(outcome.courseSlug),
});
