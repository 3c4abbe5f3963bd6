"use server";

import { userAction } from "@/lib/actions/action";
import { deletePost } from "../delete-post";
import { postRefSchema } from "../schemas";
import { revalidateDiscussions } from "./revalidate";

// Its author deletes a post, or a moderator removes it; it then reads "post removed".
// Any signed-in user may try; the work checks the course's policy (membership,
// posting, moderation) on the thread it loads, and refuses with nothing written.
export const deletePostAction = userAction({
  name: "deletePost",
  schema: postRefSchema,
  authorize: () => true,
  run: (input, { user, tx }) => deletePost(tx, user, input.postId),
  after: async (outcome) => revalidateDiscussions(outcome.courseSlug),
});
