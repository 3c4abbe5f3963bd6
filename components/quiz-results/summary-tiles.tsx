import { StatCard } from "@/components/ui/stat-card";
import type { QuizResultsSummary } from "@/lib/quizzes/results-queries";
import { percentOrDash } from "./format";

/** The quiz at a glance: attempts, students and the graded attempts' average, median and highest score. */
export function SummaryTiles({ summary }: { summary: QuizResultsSummary }) {
  return (
    <section aria-labelledby="results-summary">
      <h2 id="results-summary" className="mb-3 text-lg font-semibold">
        Summary
      </h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        <StatCard label="Attempts" value={summary.attempts} />
        <StatCard label="Students" value={summary.students} />
        <StatCard label="Average score" value={percentOrDash(summary.averagePercent)} />
        <StatCard label="Median score" value={percentOrDash(summary.medianPercent)} />
        <StatCard label="Highest score" value={percentOrDash(summary.highestPercent)} />
      </dl>
      <p className="mt-2 text-sm text-ink-muted">
        Scores are over the {summary.graded} graded {summary.graded === 1 ? "attempt" : "attempts"}
        {summary.inProgress > 0 ? `; ${summary.inProgress} still open ${summary.inProgress === 1 ? "is" : "are"} not counted` : ""}
        {summary.awaitingGrading
          ? `; ${summary.awaitingGrading} awaiting grading of an essay ${summary.awaitingGrading === 1 ? "is" : "are"} not counted yet`
          : ""}
        .
      </p>
    </section>
  );
}
