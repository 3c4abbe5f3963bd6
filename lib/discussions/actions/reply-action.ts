"use server";

import { userAction } from "@/lib/actions/action";
import { replyToThread } from "../reply-to-thread";
import { replySchema } from "../schemas";
import { revalidateDiscussions } from "./revalidate";

// A member replies in a thread; its followers hear of it through the worker.
// Any signed-in user may try; the work checks the course's policy (membership,
// posting, moderation) on the thread it loads, and refuses with nothing written.
export const replyAction = userAction({
  name: "reply",
  schema: replySchema,
  authorize: () => true,
  run: (input, { user, tx }) => replyToThread(tx, user, input),
  after: async (outcome) => revalidateDiscussions(outcome.courseSlug),
});
