// Pure rules of the discussion pages, shared by the queries and unit-tested.

export interface PostPermissions {
  canEdit: boolean;
  canDelete: boolean;
}

export interface ThreadContext {
  actorId: string;
  canPost: boolean;
  canModerate: boolean;
  locked: boolean;
  removed: boolean;
}

/**
 * What the reader may do with one post: mirrors the services (edit-post,
 * delete-post). Its author edits while it may post and the thread is open (a
 * moderator may edit its own in a locked thread); its author deletes it at any
 * time, a moderator removes anyone's. A removed post is final.
 */
export function postPermissions(thread: ThreadContext, post: { authorId: string | null; removed: boolean }): PostPermissions {
  if (post.removed || thread.removed) return { canEdit: false, canDelete: false };
  const own = post.authorId !== null && post.authorId === thread.actorId;
  return {
    canEdit: own && thread.canPost && (!thread.locked || thread.canModerate),
    canDelete: own || thread.canModerate,
  };
}
