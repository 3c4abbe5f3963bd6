import Link from "next/link";
import type { StudentDueItem, TeacherDueItem } from "@/lib/calendar/due-this-week";
import { formatDateTime } from "@/lib/calendar/format";

const kind = (type: string) => (type === "quiz" ? "Quiz" : type === "project" ? "Project" : type === "discussion" ? "Discussion" : "Assignment");

function Card({ children, timeZone }: { children: React.ReactNode; timeZone: string }) {
  return (
    <section aria-labelledby="due-this-week" className="rounded-card border border-slate-200 bg-white p-5 shadow-sm">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="due-this-week" className="text-lg font-semibold">
          Due this week
        </h2>
        <Link href="/calendar" className="text-sm font-medium text-brand-700 underline">
          Open the calendar
        </Link>
      </div>
      {children}
      <p className="mt-3 text-xs text-ink-muted" data-time-zone={timeZone}>
        Times in {timeZone}.
      </p>
    </section>
  );
}

/** The student's work due in the next seven days, and what it left overdue, soonest first. */
export function StudentDueThisWeek({ items, timeZone }: { items: StudentDueItem[]; timeZone: string }) {
  return (
    <Card timeZone={timeZone}>
      {items.length === 0 ? (
        <p className="text-ink-muted">Nothing is due in the next seven days.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100">
          {items.map((item) => (
            <li key={item.taskId} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
              <div className="min-w-0">
                <Link href={item.path} className="font-medium text-brand-800 underline underline-offset-2">
                  {item.title}
                </Link>
                <p className="text-sm text-ink-muted">
                  {kind(item.type)} · {item.courseTitle}
                </p>
              </div>
              <p className="shrink-0 text-sm">
                {item.overdue ? (
                  <span className="mr-2 rounded bg-danger-50 px-1.5 py-0.5 text-xs font-semibold text-danger-700">Overdue</span>
                ) : item.handedIn ? (
                  <span className="mr-2 rounded bg-success-50 px-1.5 py-0.5 text-xs font-semibold text-success-700">Handed in</span>
                ) : null}
                <time dateTime={item.dueAt.toISOString()}>{formatDateTime(item.dueAt, timeZone)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** What is due in the teacher's courses in the next seven days, with how many handed it in. */
export function TeacherDueThisWeek({ items, timeZone }: { items: TeacherDueItem[]; timeZone: string }) {
  return (
    <Card timeZone={timeZone}>
      {items.length === 0 ? (
        <p className="text-ink-muted">Nothing is due in your courses in the next seven days.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100">
          {items.map((item) => (
            <li key={item.taskId} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
              <div className="min-w-0">
                <Link href={item.path} className="font-medium text-brand-800 underline underline-offset-2">
                  {item.title}
                </Link>
                <p className="text-sm text-ink-muted">
                  {kind(item.type)} · {item.courseTitle} · {item.handedIn} of {item.students} handed in
                </p>
              </div>
              <p className="shrink-0 text-sm">
                <time dateTime={item.dueAt.toISOString()}>{formatDateTime(item.dueAt, timeZone)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
