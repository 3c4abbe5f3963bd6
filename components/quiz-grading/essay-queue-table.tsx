import Link from "next/link";
import { formatDateTime } from "@/components/quiz-results/format";
import { TableContainer } from "@/components/ui/table-container";
import type { EssayQueueRow } from "@/lib/quizzes/grading/essay-queue-queries";

/** The teacher's attempt page, where each essay has its grading form. */
export const attemptGradingHref = (row: Pick<EssayQueueRow, "courseId" | "taskId" | "attemptId">) =>
  `/teacher/courses/${row.courseId}/quizzes/${row.taskId}/results/${row.attemptId}`;

// Paging happens on the server; the table lays out the page it was given, longest waiting first.
export function EssayQueueTable({ rows }: { rows: EssayQueueRow[] }) {
  return (
    <TableContainer label="Quiz essays to grade">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Quiz attempts with essays awaiting grading, longest waiting first</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">Student</th>
            <th scope="col" className="px-4 py-3 font-semibold">Quiz</th>
            <th scope="col" className="px-4 py-3 font-semibold" aria-sort="ascending">Submitted</th>
            <th scope="col" className="px-4 py-3 text-right font-semibold">Essays waiting</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.attemptId}>
              <th scope="row" className="px-4 py-3 align-top font-medium">
                <Link href={attemptGradingHref(row)} className="text-brand-700 underline">
                  {row.studentName}
                </Link>
                <span className="block text-xs font-normal text-ink-muted">Attempt {row.attemptNumber}</span>
              </th>
              <td className="px-4 py-3 align-top">
                {row.quizTitle}
                <span className="block text-xs text-ink-muted">{row.courseTitle}</span>
              </td>
              <td className="px-4 py-3 align-top">
                <time dateTime={row.submittedAt.toISOString()}>{formatDateTime(row.submittedAt)}</time>
              </td>
              <td className="px-4 py-3 text-right align-top">{row.essaysWaiting}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
