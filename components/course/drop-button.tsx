"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { dropAction } from "@/lib/enrollments/actions/drop-action";

/** Leaving a course asks first; progress is kept for a later return. */
export function DropButton({ courseId, courseTitle }: { courseId: string; courseTitle: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="text-sm text-ink-muted underline">
        Leave this course
      </button>
    );
  }
  return (
    <div className="rounded-md border border-slate-200 p-3 text-sm">
      <p>Leave “{courseTitle}”? Your progress is kept if you come back.</p>
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await dropAction({ courseId });
              if (result.ok) router.refresh();
              else setError(result.error);
            })
          }
          className="rounded-md bg-danger-600 px-3 py-1.5 font-semibold text-white"
        >
          Yes, leave the course
        </button>
        <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 px-3 py-1.5">
          Stay
        </button>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
