import { formatDate } from "@/lib/format";
import type { CompletedLessonEntry, CompletedQuizEntry } from "@/lib/progress/subject-summary";

function formatPoints(points: number | null, maxPoints: number | null): string | null {
  if (points === null) return null;
  return maxPoints === null ? `${points} points` : `${points} of ${maxPoints} points`;
}

/** One list of completed items (lessons or quizzes): course · item · date, newest last. */
export function CompletionList({
  id,
  heading,
  entries,
  empty,
}: {
  id: string;
  heading: string;
  entries: (CompletedLessonEntry | CompletedQuizEntry)[];
  empty: string;
}) {
  return (
    <div>
      <h3 id={id} className="mb-2 flex items-baseline gap-2 font-semibold">
        {heading}
        <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">{entries.length}</span>
      </h3>
      {entries.length === 0 ? (
        <p className="text-sm text-ink-muted">{empty}</p>
      ) : (
        <ul aria-labelledby={id} className="divide-y divide-slate-100">
          {entries.map((entry) => {
            const points = "points" in entry ? formatPoints(entry.points, entry.max_points) : null;
            return (
              <li key={entry.id} className="py-2 text-sm">
                <span className="text-ink-muted">{entry.course_title}</span>
                <span aria-hidden="true" className="text-ink-muted"> · </span>
                <span className="font-medium">{entry.title}</span>
                <span aria-hidden="true" className="text-ink-muted"> · </span>
                <time dateTime={entry.completed_at} className="whitespace-nowrap text-ink-muted">
                  {formatDate(entry.completed_at)}
                </time>
                {points ? (
                  <>
                    <span aria-hidden="true" className="text-ink-muted"> · </span>
                    <span>{points}</span>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
