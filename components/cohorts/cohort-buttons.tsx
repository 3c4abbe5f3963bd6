"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { addMembersAction } from "@/lib/cohorts/actions/add-members-action";
import { removeMemberAction } from "@/lib/cohorts/actions/remove-member-action";
import { unlinkCourseAction } from "@/lib/cohorts/actions/unlink-course-action";

const buttonClass = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60";

/** One click that runs an action, then refreshes the page or says why not. */
function ActionButton({ label, accessibleLabel, run }: { label: string; accessibleLabel: string; run: () => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        className={buttonClass}
        aria-label={accessibleLabel}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await run();
            if (result.ok) router.refresh();
            else setError(result.error);
          })
        }
      >
        {label}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-danger-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}

export function AddMemberButton({ cohortId, userId, name }: { cohortId: string; userId: string; name: string }) {
  return <ActionButton label="Add" accessibleLabel={`Add ${name}`} run={() => addMembersAction({ cohortId, userIds: [userId] })} />;
}

export function RemoveMemberButton({ cohortId, userId, name }: { cohortId: string; userId: string; name: string }) {
  return <ActionButton label="Remove" accessibleLabel={`Remove ${name}`} run={() => removeMemberAction({ cohortId, userId })} />;
}

export function UnlinkCourseButton({ cohortId, courseId, title }: { cohortId: string; courseId: string; title: string }) {
  return <ActionButton label="Unlink" accessibleLabel={`Unlink ${title}`} run={() => unlinkCourseAction({ cohortId, courseId })} />;
}
