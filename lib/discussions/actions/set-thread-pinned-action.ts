"use server";

import { userAction } from "@/lib/actions/action";
import { setThreadPinned } from "../moderate-thread";
import { setPinnedSchema } from "../schemas";
import { revalidateDiscussions } from "./revalidate";

// A moderator pins a thread to the top of the list, or unpins it.
// Any signed-in user may try; the work checks the course's policy (membership,
// posting, moderation) on the thread it loads, and refuses with nothing written.
export const setThreadPinnedAction = userAction({
  name: "setThreadPinned",
  schema: setPinnedSchema,
  authorize: () => true,
  run: (input, { user, tx }) => setThreadPinned(tx, user, input),
  after: async (outcome) => revalidateDiscussions(outcome.courseSlug),
});
