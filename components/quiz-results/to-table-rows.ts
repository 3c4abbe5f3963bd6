import type { AttemptResultRow } from "@/lib/quizzes/results-queries";
import type { AttemptTableRow } from "./attempts-table";
import { formatDateTime, formatPoints, formatSeconds, percentOrDash } from "./format";

/**
 * The small, explicit objects the client table receives; nothing else of the
 * row leaves the server. A submitted attempt links to its review under
 * `basePath` when one is given.
 */
export function toTableRows(rows: AttemptResultRow[], basePath?: string): AttemptTableRow[] {
  return rows.map((row) => ({
    id: row.id,
    reviewHref: basePath && row.submittedAt ? `${basePath}/${row.id}` : null,
    studentName: row.studentName,
    studentEmail: row.studentEmail,
    attemptNumber: row.attemptNumber,
    state: row.state,
    startedIso: row.startedAt.toISOString(),
    started: formatDateTime(row.startedAt),
    submittedIso: row.submittedAt?.toISOString() ?? null,
    submitted: formatDateTime(row.submittedAt),
    duration: formatSeconds(row.durationSeconds),
    points:
      row.scorePoints === null || row.maxPoints === null
        ? "—"
        : `${formatPoints(row.scorePoints)} / ${row.maxPoints} points${row.gradingPending ? " so far" : ""}`,
    awaitingGrading: row.gradingPending === true,
    percent: percentOrDash(row.scorePercent),
  }));
}
