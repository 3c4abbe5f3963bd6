"use server";

import { userAction } from "@/lib/actions/action";
import { setFollowing } from "../follow-thread";
import { setFollowingSchema } from "../schemas";
import { revalidateDiscussions } from "./revalidate";

// A reader follows a thread (hears of its replies) or stops following it.
// Any signed-in user may try; the work checks the course's policy (membership,
// posting, moderation) on the thread it loads, and refuses with nothing written.
export const setFollowingAction = userAction({
  name: "setFollowing",
  schema: setFollowingSchema,
  authorize: () => true,
  run: (input, { user, tx }) => setFollowing(tx, user, input),
  after: async (outcome) => revalidateDiscussions(outcome.courseSlug),
});
