"use server";

import { userAction } from "@/lib/actions/action";
import { editPost } from "../edit-post";
import { editPostSchema } from "../schemas";
import { revalidateDiscussions } from "./revalidate";

// Its author rewrites a post.
// Any signed-in user may try; the work checks the course's policy (membership,
// posting, moderation) on the thread it loads, and refuses with nothing written.
export const editPostAction = userAction({
  name: "editPost",
  schema: editPostSchema,
  authorize: () => true,
  run: (input, { user, tx }) => editPost(tx, user, input),
  after: async (outcome) => revalidateDiscussions(outcome.courseSlug),
});
