"use server";

import { userAction } from "@/lib/actions/action";
import { removeThread } from "../moderate-thread";
import { threadRefSchema } from "../schemas";
import { revalidateDiscussions } from "./revalidate";

// A moderator removes a whole thread from the course's discussions.
// Any signed-in user may try; the work checks the course's policy (membership,
// posting, moderation) on the thread it loads, and refuses with nothing written.
export const removeThreadAction = userAction({
  name: "removeThread",
  schema: threadRefSchema,
  authorize: () => true,
  run: (input, { user, tx }) => removeThread(tx, user, input.threadId),
  after: async (outcome) => revalidateDiscussions(outcome.courseSlug),
});
