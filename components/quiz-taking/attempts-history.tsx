import Link from "next/link";
import { attemptHref } from "@/components/course/item-link";
import { formatPercent } from "@/lib/format";
import type { AttemptHistoryRow } from "@/lib/quizzes/taking/student-queries";
import { formatDateTime, formatPoints } from "./format";

const statusText = { in_progress: "In progress", submitted: "Submitted", expired: "Expired" } as const;

/**
 * The student's attempts at a quiz: number, status, score, when, and a link to
 * each. An attempt whose essay the teacher has not graded yet shows its score
 * as provisional.
 */
export function AttemptsHistory({
  slug,
  taskId,
  attempts,
  currentAttemptId,
  pendingAttemptIds,
}: {
  slug: string;
  taskId: string;
  attempts: AttemptHistoryRow[];
  currentAttemptId?: string;
  pendingAttemptIds?: ReadonlySet<string>;
}) {
  if (attempts.length === 0) return <p className="text-sm text-ink-muted">You have not attempted this quiz yet.</p>;
  return (
    <div className="overflow-x-auto rounded-card border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your attempts</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2">Attempt</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Score</th>
            <th scope="col" className="px-3 py-2">Submitted</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {attempts.map((attempt) => {
            const open = attempt.status === "in_progress";
            const pending = pendingAttemptIds?.has(attempt.id) === true;
            return (
              <tr key={attempt.id} aria-current={attempt.id === currentAttemptId ? "true" : undefined}>
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={attemptHref(slug, taskId, attempt.id, open ? "attempt" : "result")} className="text-brand-700 underline">
                    Attempt {attempt.attemptNumber}
                    <span className="sr-only">{open ? " (resume)" : " (result)"}</span>
                  </Link>
                </th>
                <td className="px-3 py-2">{statusText[attempt.status]}</td>
                <td className="px-3 py-2">
                  {attempt.scorePoints !== null && attempt.maxPoints !== null
                    ? `${formatPoints(attempt.scorePoints, attempt.maxPoints)} · ${formatPercent(attempt.scorePercent ?? 0)}${pending ? " so far" : ""}`
                    : "—"}
                  {pending ? <span className="block text-xs font-semibold text-warning-800">Awaiting grading</span> : null}
                </td>
                <td className="px-3 py-2">{formatDateTime(attempt.submittedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
