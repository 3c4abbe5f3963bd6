"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { deleteCourseAction } from "@/lib/courses/actions/delete-course-action";

/** Deleting asks first, naming what goes with the course; the server re-checks the rule. */
export function DeleteCourse({ courseId, title }: { courseId: string; title: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const keepButton = useRef<HTMLButtonElement>(null);

  // The question replaces the button that was focused: move focus to its safe answer.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="self-start rounded-md border border-danger-600 px-4 py-2 text-sm font-semibold text-danger-700 hover:bg-danger-50"
      >
        Delete this draft
      </button>
    );
  }
  return (
    <div role="group" aria-label="Confirm deletion" className="rounded-md border border-danger-600/40 bg-danger-50 p-3 text-sm">
      <p>
        Delete “{title}” for good? Its modules and lessons are deleted with it. This cannot be undone.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              setError(null);
              // Success redirects to the dashboard and answers nothing.
              const result = await deleteCourseAction({ courseId });
              if (result && !result.ok) setError(result.error);
            })
          }
          className="rounded-md bg-danger-600 px-3 py-1.5 font-semibold text-white disabled:opacity-70"
        >
          {pending ? "Deleting…" : "Yes, delete the course"}
        </button>
        <button
          ref={keepButton}
          type="button"
          onClick={() => setConfirming(false)}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5"
        >
          Keep it
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
