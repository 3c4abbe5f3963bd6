import Link from "next/link";
import { capitalize } from "@/lib/format";
import { countOf } from "@/components/ui/plural";
import type { CatalogueCard } from "@/lib/courses/catalogue";

/** A catalogue entry; the title link covers the whole card so any of it opens the course. */
export function CourseCard({ course }: { course: CatalogueCard }) {
  return (
    <li className="relative flex flex-col gap-2 rounded-card border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-500">
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{capitalize(course.subject)}</p>
      <h2 className="text-lg font-semibold">
        <Link
          href={`/courses/${encodeURIComponent(course.slug)}`}
          className="text-ink after:absolute after:inset-0 after:rounded-card hover:text-brand-700 hover:underline"
        >
          {course.title}
        </Link>
      </h2>
      <p className="text-sm text-ink-muted">with {course.teacherName}</p>
      {course.summary ? <p className="line-clamp-3 text-sm">{course.summary}</p> : null}
      <p className="mt-auto pt-2 text-xs text-ink-muted">
        {countOf(course.lessonCount, "lesson")} · {course.studentCount} enrolled
      </p>
    </li>
  );
}
