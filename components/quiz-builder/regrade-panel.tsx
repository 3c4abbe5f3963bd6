"use client";

import { countOf } from "@/components/ui/plural";
import { regradeQuizAction } from "@/lib/quizzes/actions/regrade-quiz-action";
import type { QuizEditorData } from "@/lib/quizzes/editor-queries";
import type { useQuizAction } from "./use-quiz-action";

/** Offered once a change may have changed scores: grades every submitted attempt again, audited. */
export function RegradePanel({ quiz, action }: { quiz: QuizEditorData; action: ReturnType<typeof useQuizAction> }) {
  if (quiz.staleAttempts === 0) return null;
  const attempts = countOf(quiz.staleAttempts, "attempt");
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border border-warning-800/30 bg-warning-50 p-3 text-sm">
      <p className="min-w-0 flex-1">
        {countOf(quiz.staleAttempts, "submitted attempt")} {quiz.staleAttempts === 1 ? "was" : "were"} graded against an older version of
        this quiz. Re-grading scores them against the questions as they are now and updates the students&apos; results.
      </p>
      <button
        type="button"
        disabled={action.pending}
        onClick={() =>
          action.run(
            () => regradeQuizAction({ courseId: quiz.courseId, taskId: quiz.id }),
            (data) => `Re-graded ${countOf(data.regraded, "attempt")}; ${countOf(data.changed, "score")} changed.`,
          )
        }
        className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white disabled:opacity-70"
      >
        Re-grade {attempts}
      </button>
    </div>
  );
}
