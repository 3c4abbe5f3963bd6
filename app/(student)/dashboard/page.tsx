import type { Metadata } from "next";
import Link from "next/link";
import { DashboardAnnouncements } from "@/components/announcements/dashboard-announcements";
import { StudentDueThisWeek } from "@/components/calendar/due-this-week";
import { itemHref } from "@/components/course/item-link";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { capitalize, formatDate, formatPercent } from "@/lib/format";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { displayNameOf } from "@/lib/auth/session-user";
import { dueThisWeekForStudent } from "@/lib/calendar/due-this-week";
import { readerTimeZone } from "@/lib/calendar/reader-time-zone";
import { listMyEnrollments, type MyEnrollmentRow } from "@/lib/enrollments/queries";

export const metadata: Metadata = { title: "My learning" };

export default async function StudentDashboardPage() {
  const user = await requireArea("area.student", "/dashboard");
  const [rows, due, timeZone] = await Promise.all([listMyEnrollments(db, user), dueThisWeekForStudent(db, user), readerTimeZone(user)]);
  const inProgress = rows.filter((row) => row.status !== "completed");
  const completed = rows.filter((row) => row.status === "completed");

  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold">Welcome, {displayNameOf(user)}</h1>
        <p className="text-ink-muted">Your courses and how far you have come.</p>
      </header>

      {rows.length === 0 ? (
        <section className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">You are not enrolled in any course yet</h2>
          <p className="mt-1 text-ink-muted">Browse the courses and enrol in one to start learning.</p>
          <Link href="/courses" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
            Browse courses
          </Link>
        </section>
      ) : (
        <>
          <StudentDueThisWeek items={due} timeZone={timeZone} />
          <DashboardAnnouncements actor={user} />
          <EnrollmentSection title="In progress" rows={inProgress} empty="Nothing in progress: every course you took is complete." />
          {completed.length > 0 ? <EnrollmentSection title="Completed" rows={completed} /> : null}
        </>
      )}
    </div>
  );
}

function EnrollmentSection({ title, rows, empty }: { title: string; rows: MyEnrollmentRow[]; empty?: string }) {
  return (
    <section aria-labelledby={`section-${title}`}>
      <h2 id={`section-${title}`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-ink-muted">{empty}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {rows.map((row) => (
            <li key={row.courseId} className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex items-start justify-between gap-2">
                <div>
                  <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{capitalize(row.subject)}</p>
                  <h3 className="font-semibold">
                    <Link href={`/courses/${row.slug}`} className="hover:underline">
                      {row.title}
                    </Link>
                  </h3>
                  <p className="text-sm text-ink-muted">{row.teacherName}</p>
                </div>
                <StatusBadge status={row.status} />
              </div>
              <ProgressBar percent={row.progress.percent} label={`Progress in ${row.title}`} />
              <p className="text-sm">
                {row.progress.completed} of {row.progress.required} done · {formatPercent(row.progress.percent)}
              </p>
              <p className="text-xs text-ink-muted">
                {row.completedAt ? `Completed ${formatDate(row.completedAt)}` : `Last activity ${formatDate(row.lastActivityAt)}`}
              </p>
              <Link
                href={row.next ? itemHref(row.slug, row.next) : `/courses/${row.slug}`}
                className="mt-auto rounded-md bg-brand-600 px-3 py-2 text-center text-sm font-semibold text-white hover:bg-brand-700"
              >
                {row.next ? (row.progress.completed === 0 ? "Start" : "Continue") : row.progress.isComplete ? "Review" : "Open"}
                <span className="sr-only"> {row.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
