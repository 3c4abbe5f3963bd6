import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SiteChartsSection } from "@/components/reports/charts/site-charts";
import { EnrollmentFilters } from "@/components/reports/enrollment-filters";
import { listSectionChoices, sectionOptions } from "@/lib/reports/section-choices";
import { EnrollmentReportResults } from "@/components/reports/enrollment-report-results";
import { SiteSummaryTiles } from "@/components/reports/summary-tiles";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadEnrollmentReport } from "@/lib/reports/enrollment-report";
import { filterErrors, parseReportQuery } from "@/lib/reports/report-params";
import { loadSiteCharts } from "@/lib/reports/site-charts";
import { loadSiteFilterOptions } from "@/lib/reports/site-filter-options";
import { loadSiteSummary } from "@/lib/reports/site-summary";

export const metadata: Metadata = { title: "Site report" };

const base = "/admin/report";

/**
 * Every enrolment on the site, filtered, sorted and paged from the URL, with
 * the site's headline figures and charts over the same filters. Five
 * statements whatever the filters or the size of the site (the table's page
 * and count, the select options, the tiles, the charts), run side by side.
 */
export default async function SiteReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireArea("area.admin", base);
  const raw = await searchParams;
  const query = parseReportQuery(raw);
  // One clock for the rows' at-risk flags and the at-risk filter of the tiles and charts.
  const now = new Date();
  const [report, options, summary, charts, sections] = await Promise.all([
    loadEnrollmentReport(db, user, { kind: "site" }, query, { now }),
    loadSiteFilterOptions(db, user),
    loadSiteSummary(db, user, query.filters, { now }),
    loadSiteCharts(db, user, query.filters, { now }),
    // Sections are per course: the filter appears once a course is chosen.
    query.filters.courseId ? listSectionChoices(db, user, query.filters.courseId) : Promise.resolve([]),
  ]);
  if (!report || !options || !summary || !charts) notFound();
  const errors = filterErrors(raw, query.filters);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href="/admin" className="text-sm font-medium text-brand-700 underline">
          ← Back to administration
        </Link>
        <h1 className="text-2xl font-bold">Site report</h1>
        <p className="text-ink-muted">Every enrolment on the site with its progress. Filter, sort and export it as CSV.</p>
      </header>
      <EnrollmentFilters action={base} query={query} siteOptions={options} errors={errors} sections={sectionOptions(sections, false)} />
      <SiteSummaryTiles summary={summary} />
      <section aria-labelledby="report-enrolments" className="flex flex-col gap-4">
        <h2 id="report-enrolments" className="text-lg font-semibold">
          Enrolments
        </h2>
        <EnrollmentReportResults
          report={report}
          query={query}
          basePath={base}
          scope="site"
          tableLabel="Enrolments and progress"
          pagerLabel="Report pages"
        />
      </section>
      <SiteChartsSection charts={charts} />
    </div>
  );
}
