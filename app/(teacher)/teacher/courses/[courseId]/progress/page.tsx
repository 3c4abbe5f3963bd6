import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EnrollmentFilters } from "@/components/reports/enrollment-filters";
import { EnrollmentReportResults } from "@/components/reports/enrollment-report-results";
import { formatPercent } from "@/lib/format";
import { StatCard } from "@/components/ui/stat-card";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { behindByPoints, inactiveAfterDays } from "@/lib/reports/at-risk";
import { loadCourseProgressSummary, loadEnrollmentReport } from "@/lib/reports/enrollment-report";
import { filterErrors, parseReportQuery } from "@/lib/reports/report-params";
import { listSectionChoices, sectionOptions } from "@/lib/reports/section-choices";

export const metadata: Metadata = { title: "Course progress" };

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Every student of one course with their progress, for its teacher (or an
 * admin): who is behind and why, filtered, sorted and paged from the URL.
 * Another teacher's course reads as not found.
 */
export default async function CourseProgressPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/progress`);
  if (!z.uuid().safeParse(courseId).success) notFound();
  const raw = await searchParams;
  const query = parseReportQuery(raw);
  // One clock for the figures and the rows, so the summary's at-risk count matches the flags.
  const now = new Date();
  const summary = await loadCourseProgressSummary(db, user, courseId, { now });
  if (!summary) notFound();
  const scope = { kind: "course", courseId: summary.course.id } as const;
  const [report, sections] = await Promise.all([loadEnrollmentReport(db, user, scope, query, { now }), listSectionChoices(db, user, summary.course.id)]);
  if (!report) notFound();
  const base = `/teacher/courses/${summary.course.id}/progress`;
  const errors = filterErrors(raw, query.filters);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${summary.course.id}`} className="text-sm font-medium text-brand-700 underline">
          ← Back to {summary.course.title}
        </Link>
        <h1 className="text-2xl font-bold">Progress: {summary.course.title}</h1>
        <p className="text-ink-muted">
          An active student is at risk after {inactiveAfterDays} days without activity, or when more than {behindByPoints} points
          below the course&apos;s median progress.
        </p>
      </header>
      <section aria-labelledby="progress-summary">
        <h2 id="progress-summary" className="sr-only">
          Summary
        </h2>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <StatCard label="Students" value={summary.students} />
          <StatCard label="Median progress (active)" value={summary.medianProgress === null ? "—" : formatPercent(summary.medianProgress)} />
          <StatCard label="At risk" value={summary.atRisk} />
        </dl>
      </section>
      <EnrollmentFilters action={base} query={query} errors={errors} sections={sectionOptions(sections, false)} />
      <EnrollmentReportResults
        report={report}
        query={query}
        basePath={base}
        scope="course"
        tableLabel="Students' progress"
        pagerLabel="Progress pages"
      />
    </div>
  );
}
