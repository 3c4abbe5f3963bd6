"use client";

import { removeThreadAction } from "@/lib/discussions/actions/remove-thread-action";
import { setFollowingAction } from "@/lib/discussions/actions/set-following-action";
import { setThreadLockedAction } from "@/lib/discussions/actions/set-thread-locked-action";
import { setThreadPinnedAction } from "@/lib/discussions/actions/set-thread-pinned-action";
import { ThreadToggle } from "./thread-toggle";

/** Follow or unfollow: followers hear of new replies. */
export function FollowButton({ threadId, following }: { threadId: string; following: boolean }) {
  return (
    <ThreadToggle
      label={following ? "Unfollow" : "Follow"}
      pendingLabel={following ? "Unfollowing…" : "Following…"}
      run={() => setFollowingAction({ threadId, following: !following })}
    />
  );
}

interface ModeratorProps {
  threadId: string;
  courseSlug: string;
  pinned: boolean;
  locked: boolean;
  removed: boolean;
}

/** The teacher's and admins' controls: pin, lock, remove the thread. */
export function ModeratorControls({ threadId, courseSlug, pinned, locked, removed }: ModeratorProps) {
  return (
    <div role="group" aria-label="Moderation" className="flex flex-wrap items-center gap-2">
      <ThreadToggle label={pinned ? "Unpin" : "Pin"} pendingLabel="Saving…" run={() => setThreadPinnedAction({ threadId, pinned: !pinned })} />
      <ThreadToggle label={locked ? "Unlock" : "Lock"} pendingLabel="Saving…" run={() => setThreadLockedAction({ threadId, locked: !locked })} />
      {removed ? null : (
        <ThreadToggle
          label="Remove thread"
          pendingLabel="Removing…"
          confirm="Remove this whole thread? Students will no longer see it."
          run={() => removeThreadAction({ threadId })}
          then={`/learn/${courseSlug}/discussions`}
        />
      )}
    </div>
  );
}
