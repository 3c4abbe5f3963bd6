import { formatPercent } from "@/lib/format";
import { StatCard } from "@/components/ui/stat-card";
import type { SiteSummary } from "@/lib/reports/site-summary";

/** The report's headline figures: the site's people and courses, then the matching enrolments. */
export function SiteSummaryTiles({ summary }: { summary: SiteSummary }) {
  return (
    <section aria-labelledby="report-summary" className="flex flex-col gap-3">
      <h2 id="report-summary" className="text-lg font-semibold">
        Summary
      </h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <StatCard label="Students" value={summary.students} />
        <StatCard label="Teachers" value={summary.teachers} />
        <StatCard label="Admins" value={summary.admins} />
        <StatCard label="Active courses" value={summary.activeCourses} />
        <StatCard label="Matching enrolments" value={summary.enrollments} />
        <StatCard label="Completed" value={summary.completed} />
        <StatCard label="Completion rate" value={summary.completionRate === null ? "—" : formatPercent(summary.completionRate)} />
      </dl>
      <p className="text-sm text-ink-muted">
        People (active accounts) and active courses (published, with an active enrolment) are site-wide; enrolments and the completion rate follow
        the filters.
      </p>
    </section>
  );
}
