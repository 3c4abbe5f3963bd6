import { countOf } from "@/components/ui/plural";
import { distributionBuckets } from "@/lib/quizzes/results-params";

/**
 * Graded attempts per 10 % score band as a bar chart made of text: each band is
 * a list item whose label and count are read out; the bar is decoration.
 */
export function ScoreDistribution({ distribution }: { distribution: number[] }) {
  const largest = Math.max(1, ...distribution);
  const total = distribution.reduce((sum, count) => sum + count, 0);
  return (
    <section aria-labelledby="results-distribution">
      <h2 id="results-distribution" className="mb-3 text-lg font-semibold">
        Score distribution
      </h2>
      {total === 0 ? (
        <p className="text-ink-muted">No graded attempt yet.</p>
      ) : (
        <ol className="flex flex-col gap-1.5 rounded-card border border-slate-200 bg-white p-4 shadow-sm" aria-label="Graded attempts per score band">
          {distributionBuckets.map((bucket) => {
            const count = distribution[bucket.index] ?? 0;
            return (
              <li key={bucket.index} className="grid grid-cols-[5.5rem_1fr_6.5rem] items-center gap-3 text-sm">
                <span className="tabular-nums text-ink-muted">{bucket.label}</span>
                <span aria-hidden="true" className="h-4 overflow-hidden rounded bg-slate-100">
                  <span className="block h-full rounded bg-brand-600" style={{ width: `${(count / largest) * 100}%` }} />
                </span>
                <span className="tabular-nums">{countOf(count, "attempt")}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
