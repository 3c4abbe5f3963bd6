import { Markdown } from "@/components/content/markdown";
import { formatDateTime, formatPoints } from "@/components/quiz-results/format";
import type { EssayToGrade } from "@/lib/quizzes/grading/essay-answers";
import { EssayGradeForm } from "./essay-grade-form";

/**
 * Under an essay's review on the teacher's attempt page: the author's guidance
 * for graders (never shown to the student), the grade so far and the form.
 */
export function EssayGradingPanel({ attemptId, essay, closed }: { attemptId: string; essay: EssayToGrade; closed: boolean }) {
  const headingId = `essay-grading-${essay.questionId}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-card border border-brand-200 bg-brand-50/40 p-4">
      <h3 id={headingId} className="font-semibold">
        Grade this essay
      </h3>
      {essay.graderInfo.trim() !== "" ? (
        <div className="rounded-md border border-slate-200 bg-white p-3">
          <p className="text-xs font-semibold uppercase tracking-wide text-ink-muted">Information for graders</p>
          <Markdown source={essay.graderInfo} className="text-sm" />
        </div>
      ) : null}
      <p className="text-sm text-ink-muted" role="status">
        {essay.manualPoints === null
          ? essay.answered
            ? "Awaiting grading."
            : "Not answered: it scores 0, and there is nothing to grade."
          : `Graded: ${formatPoints(essay.manualPoints)} / ${essay.maxPoints} points${essay.graderName ? ` by ${essay.graderName}` : ""}, ${formatDateTime(essay.gradedAt)}.`}
      </p>
      {!essay.answered && essay.manualPoints === null ? null : closed ? (
        <EssayGradeForm
          attemptId={attemptId}
          questionId={essay.questionId}
          maxPoints={essay.maxPoints}
          initial={{ points: essay.manualPoints, comment: essay.comment }}
        />
      ) : (
        <p className="text-sm">The student has not submitted this attempt yet.</p>
      )}
    </section>
  );
}
