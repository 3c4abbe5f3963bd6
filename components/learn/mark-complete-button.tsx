"use client";

import { useOptimistic, useState, useTransition } from "react";
import { completeLessonAction } from "@/lib/progress/actions/complete-lesson-action";

interface Props {
  lessonId: string;
  initiallyDone: boolean;
}

/** Shows the lesson as done at once; the server confirms (or the tick is taken back with a message). */
export function MarkCompleteButton({ lessonId, initiallyDone }: Props) {
  const [done, setDone] = useState(initiallyDone);
  const [optimisticDone, setOptimisticDone] = useOptimistic(done);
  const [error, setError] = useState<string | null>(null);
  const [courseCompleted, setCourseCompleted] = useState(false);
  const [, startTransition] = useTransition();

  const markComplete = () =>
    startTransition(async () => {
      setError(null);
      setOptimisticDone(true);
      const result = await completeLessonAction({ lessonId });
      if (result.ok) {
        setDone(true);
        if (result.data.courseStatus === "completed" && result.data.newlyCompleted) setCourseCompleted(true);
      } else {
        setError(result.error);
      }
    });

  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      {optimisticDone ? (
        <p className="inline-flex items-center gap-2 rounded-md bg-success-50 px-4 py-2 font-semibold text-success-700">
          <span aria-hidden="true">✓</span> Lesson completed
        </p>
      ) : (
        <button
          type="button"
          onClick={markComplete}
          className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
        >
          Mark complete
        </button>
      )}
      {courseCompleted ? <p className="font-semibold text-success-700">You have completed the whole course. Well done!</p> : null}
      {error ? (
        <p role="alert" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
