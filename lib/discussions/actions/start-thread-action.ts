"use server";

import { userAction } from "@/lib/actions/action";
import { startThreadSchema } from "../schemas";
import { startThread } from "../start-thread";
import { revalidateDiscussions } from "./revalidate";

// A member opens a thread in a course, optionally about a lesson.
// Any signed-in user may try; the work checks the course's policy (membership,
// posting, moderation) on the thread it loads, and refuses with nothing written.
export const startThreadAction = userAction({
  name: "startThread",
  schema: startThreadSchema,
  authorize: () => true,
  run: (input, { user, tx }) => startThread(tx, user, input),
  after: async (outcome) => revalidateDiscussions(outcome.courseSlug),
});
