import type { Metadata } from "next";
import Link from "next/link";
import { AgendaList } from "@/components/calendar/agenda-list";
import { kindLabels, kindStyles } from "@/components/calendar/calendar-entry";
import { MonthGrid } from "@/components/calendar/month-grid";
import { WeekView } from "@/components/calendar/week-view";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { calendarItemsFor } from "@/lib/calendar/calendar-items";
import { loadCalendarCourses } from "@/lib/calendar/calendar-sources";
import {
  calendarHref,
  daysOf,
  entriesByDay,
  monthDays,
  monthLabel,
  monthWeeks,
  neighbours,
  parseCalendarParams,
  rangeOf,
  weekLabel,
  type CalendarView,
} from "@/lib/calendar/calendar-view";
import { readerTimeZone } from "@/lib/calendar/reader-time-zone";
import { isoDayIn, zoneAbbreviation } from "@/lib/calendar/time-zone";

export const metadata: Metadata = { title: "Calendar" };
// The reader's zone and today change what the page shows: never cached.
export const dynamic = "force-dynamic";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const viewLabels: Record<CalendarView, string> = { month: "Month", week: "Week", agenda: "Agenda" };

// Due dates, openings and course events of the reader's courses, in the
// reader's zone: a month grid, a week or a list. Every control is a plain
// link or a GET form, so it works without JavaScript.
export default async function CalendarPage({ searchParams }: Props) {
  const user = await requireUser("/calendar");
  const zone = await readerTimeZone(user);
  const now = new Date();
  const today = isoDayIn(now, zone);
  const params = parseCalendarParams(await searchParams, today);
  const days = daysOf(params.view, params.date);
  const range = rangeOf(days, zone);
  const [courseList, items] = await Promise.all([
    loadCalendarCourses(db, user),
    calendarItemsFor(db, user, { ...range, courseId: params.courseId }),
  ]);
  const entries = entriesByDay(items, days, zone);
  const unknownCourse = params.courseId !== undefined && !courseList.some((course) => course.id === params.courseId);
  const courseId = unknownCourse ? undefined : params.courseId;
  const { previous, next } = neighbours(params.view, params.date);
  const period = params.view === "week" ? weekLabel(params.date) : monthLabel(params.date);
  const emptyText = courseList.length === 0 ? "You have no courses whose dates could show here yet." : "Nothing on the calendar in this period.";
  const link = (changes: Partial<{ view: CalendarView | null; date: string }>) =>
    calendarHref({ view: params.view, date: params.date, courseId, ...changes });

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Calendar</h1>
        <p className="text-ink-muted">
          Due dates, openings and events of your courses. Times are in <strong className="text-ink" data-time-zone={zone}>{zone}</strong> ({zoneAbbreviation(now, zone)}
          ).{" "}
          <Link href="/settings/calendar" className="font-medium text-brand-700 underline">
            Change the time zone
          </Link>
          {" · "}
          <Link href="/settings/calendar-feed" className="font-medium text-brand-700 underline">
            Subscribe in your calendar app
          </Link>
        </p>
      </header>

      <div className="flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
        <nav aria-label="Calendar period" className="flex flex-wrap items-center gap-2">
          <Link href={link({ date: previous })} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">
            <span aria-hidden="true">← </span>Previous<span className="sr-only"> {params.view === "week" ? "week" : "month"}</span>
          </Link>
          <Link href={link({ date: today })} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">
            Today
          </Link>
          <Link href={link({ date: next })} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">
            Next<span className="sr-only"> {params.view === "week" ? "week" : "month"}</span>
            <span aria-hidden="true"> →</span>
          </Link>
          <h2 className="ml-1 text-lg font-semibold" aria-live="polite">
            {period}
          </h2>
        </nav>

        <div className="flex flex-wrap items-end gap-4">
          <nav aria-label="Calendar view">
            <ul className="flex gap-1 rounded-md border border-slate-300 bg-white p-1">
              {(Object.keys(viewLabels) as CalendarView[]).map((view) => {
                const current = params.view === view;
                return (
                  <li key={view}>
                    <Link
                      href={link({ view })}
                      aria-current={current ? "page" : undefined}
                      className={`block rounded px-3 py-1.5 text-sm font-medium ${current ? "bg-brand-600 text-white" : "hover:bg-slate-100"}`}
                    >
                      {viewLabels[view]}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <form method="get" action="/calendar" className="flex items-end gap-2">
            {params.view ? <input type="hidden" name="view" value={params.view} /> : null}
            <input type="hidden" name="date" value={params.date} />
            <label className="flex flex-col gap-1 text-sm font-medium">
              Course
              <select name="course" defaultValue={courseId ?? ""} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
                <option value="">All my courses</option>
                {courseList.map((course) => (
                  <option key={course.id} value={course.id}>
                    {course.title}
                    {course.status === "draft" ? " (draft)" : ""}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700">
              Show
            </button>
          </form>
        </div>
      </div>

      {unknownCourse ? (
        <p role="status" className="rounded-md border border-warning-800/30 bg-warning-50 px-4 py-3 text-sm text-warning-800">
          That course is not among your courses, so nothing of it is shown.
        </p>
      ) : null}

      <ul aria-label="What the colours mean" className="flex flex-wrap gap-3 text-xs">
        {(Object.keys(kindLabels) as (keyof typeof kindLabels)[]).map((kind) => (
          <li key={kind} className={`rounded border-l-4 px-2 py-0.5 ${kindStyles[kind]}`}>
            {kindLabels[kind]}
          </li>
        ))}
      </ul>

      <section aria-label={period}>
        {params.view === "week" ? (
          <WeekView days={days} today={today} entries={entries} />
        ) : params.view === "agenda" ? (
          <AgendaList days={days} today={today} entries={entries} empty={emptyText} />
        ) : params.view === "month" ? (
          <MonthGrid weeks={monthWeeks(params.date)} month={params.date} today={today} entries={entries} courseId={courseId} />
        ) : (
          <>
            {/* No view chosen: the grid on wide screens, the list on phones, from the same items. */}
            <div className="hidden md:block">
              <MonthGrid weeks={monthWeeks(params.date)} month={params.date} today={today} entries={entries} courseId={courseId} />
            </div>
            <div className="md:hidden">
              <AgendaList days={monthDays(params.date)} today={today} entries={entries} empty={emptyText} />
            </div>
          </>
        )}
      </section>
    </div>
  );
}
