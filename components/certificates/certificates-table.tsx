import Link from "next/link";
import { TableContainer } from "@/components/ui/table-container";
import { formatCertificateCode } from "@/lib/certificates/code";
import type { CertificateRow } from "@/lib/certificates/queries";
import { formatDate, formatPercent } from "@/lib/format";
import { CertificateStatus } from "./certificate-status";
import { ReissueButton } from "./reissue-button";
import { RevokeCertificateButton } from "./revoke-certificate-button";

/** Issued certificates as a table: name, course (site-wide list), date, grade, code, status, and what staff may do. */
export function CertificatesTable({
  rows,
  caption,
  showCourse = false,
  reissueFor,
}: {
  rows: CertificateRow[];
  caption: string;
  showCourse?: boolean;
  /** The course whose revoked certificates may be issued again (its settings page). */
  reissueFor?: string;
}) {
  // A student who holds a valid certificate again needs no "Issue again" on its old, revoked one.
  const holders = new Set(rows.filter((row) => !row.revokedAt).map((row) => row.userId));
  return (
    <TableContainer label={caption}>
      <table className="w-full min-w-[46rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">Student</th>
            {showCourse ? <th scope="col" className="px-4 py-3 font-semibold">Course</th> : null}
            <th scope="col" className="px-4 py-3 font-semibold">Issued</th>
            <th scope="col" className="px-4 py-3 font-semibold">Grade</th>
            <th scope="col" className="px-4 py-3 font-semibold">Code</th>
            <th scope="col" className="px-4 py-3 font-semibold">Status</th>
            <th scope="col" className="px-4 py-3 font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 align-top last:border-0">
              <th scope="row" className="px-4 py-3 font-medium">{row.recipientName}</th>
              {showCourse ? <td className="px-4 py-3">{row.courseTitle}</td> : null}
              <td className="px-4 py-3">{formatDate(row.issuedAt)}</td>
              <td className="px-4 py-3">{row.gradePercent === null ? "—" : formatPercent(row.gradePercent)}</td>
              <td className="px-4 py-3 font-mono text-xs">
                <Link href={`/certificates/${row.code}`} className="text-brand-700 underline">
                  {formatCertificateCode(row.code)}
                </Link>
              </td>
              <td className="px-4 py-3">
                <CertificateStatus revoked={Boolean(row.revokedAt)} />
                {row.revokedAt ? (
                  <span className="mt-1 block text-xs text-ink-muted">
                    {formatDate(row.revokedAt)}
                    {row.revokedReason ? `: ${row.revokedReason}` : ""}
                  </span>
                ) : null}
              </td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap items-start gap-2">
                  <a href={`/api/certificates/${row.id}/pdf`} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100">
                    PDF<span className="sr-only"> of {row.recipientName}&apos;s certificate</span>
                  </a>
                  {row.revokedAt ? (
                    reissueFor && !holders.has(row.userId) ? <ReissueButton courseId={reissueFor} student={{ id: row.userId, name: row.recipientName }} /> : null
                  ) : (
                    <RevokeCertificateButton certificate={{ id: row.id, recipientName: row.recipientName }} />
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
