import { EnrollmentTable } from "@/components/reports/enrollment-table";
import { Pager } from "@/components/ui/pager";
import type { EnrollmentReport } from "@/lib/reports/enrollment-report";
import { toEnrollmentTableRow } from "@/lib/reports/enrollment-table-rows";
import { reportExportHref, reportPageHref, type EnrollmentReportQuery } from "@/lib/reports/report-params";

interface EnrollmentReportResultsProps {
  report: EnrollmentReport;
  query: EnrollmentReportQuery;
  /** The report page's path; its CSV export lives at `<basePath>/export`. */
  basePath: string;
  scope: "course" | "site";
  /** The table's accessible name, and the pager's. */
  tableLabel: string;
  pagerLabel: string;
}

/**
 * One page of the progress report, for a course or the site: how many match,
 * "Download CSV" with the same filters and sort, the table and its pager.
 */
export function EnrollmentReportResults({ report, query, basePath, scope, tableLabel, pagerLabel }: EnrollmentReportResultsProps) {
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <p role="status" className="text-sm text-ink-muted">
          {report.total} enrolment{report.total === 1 ? "" : "s"} match{report.total === 1 ? "es" : ""}
          {query.filters.atRisk ? " (at risk only)" : ""}
        </p>
        <a
          href={reportExportHref(`${basePath}/export`, query)}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          download
        >
          Download CSV
        </a>
      </div>
      <EnrollmentTable
        rows={report.rows.map(toEnrollmentTableRow)}
        query={query}
        basePath={basePath}
        pageCount={report.pageCount}
        scope={scope}
        label={tableLabel}
      />
      <Pager page={report.page} pageCount={report.pageCount} hrefFor={(page) => reportPageHref(basePath, query, page)} label={pagerLabel} />
    </>
  );
}
