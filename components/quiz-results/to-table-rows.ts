import type { AttemptResultRow } from "@/lib/quizzes/results-queries";
import type { AttemptTableRow } from "./attempts-table";
import { formatDateTime, formatPoints, formatSeconds, percentOrDash } from "./format";

/** The small, explicit objects the client table receives; nothing else of the row leaves the server. */
export function toTableRows(rows: AttemptResultRow[]): AttemptTableRow[] {
  return rows.map((row) => ({
    id: row.id,
    studentName: row.studentName,
    studentEmail: row.studentEmail,
    attemptNumber: row.attemptNumber,
    state: row.state,
    startedIso: row.startedAt.toISOString(),
    started: formatDateTime(row.startedAt),
    submittedIso: row.submittedAt?.toISOString() ?? null,
    submitted: formatDateTime(row.submittedAt),
    duration: formatSeconds(row.durationSeconds),
    points: row.scorePoints === null || row.maxPoints === null ? "—" : `${formatPoints(row.scorePoints)} / ${row.maxPoints} points`,
    percent: percentOrDash(row.scorePercent),
  }));
}
