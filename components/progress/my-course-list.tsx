import Link from "next/link";
import { capitalize, formatPercent } from "@/lib/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import type { MyCourseRow } from "@/lib/reports/student-course-detail";

/** The student's courses with their progress, each leading to its detail page. */
export function MyCourseList({ courses }: { courses: MyCourseRow[] }) {
  return (
    <section aria-labelledby="my-courses">
      <h2 id="my-courses" className="mb-3 text-lg font-semibold">
        My courses
      </h2>
      <ul className="grid gap-4 md:grid-cols-2">
        {courses.map((course) => (
          <li key={course.slug} className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/progress/${course.slug}`} className="font-semibold text-brand-700 underline">
                {course.title}
              </Link>
              <StatusBadge status={course.status} />
            </div>
            <p className="mt-1 text-sm text-ink-muted">
              {capitalize(course.subject)} · {formatPercent(course.progressPercent)} complete
            </p>
            <div className="mt-2">
              <ProgressBar percent={course.progressPercent} label={`Progress in ${course.title}`} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
