import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/content/markdown";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { recurrenceOf } from "@/lib/calendar/calendar-items";
import { loadCourseEvent } from "@/lib/calendar/event-queries";
import { describeRecurrence, formatSpan } from "@/lib/calendar/format";
import { readerTimeZone } from "@/lib/calendar/reader-time-zone";
import { isoDayIn } from "@/lib/calendar/time-zone";
import { can } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Event" };
export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ eventId: string }>;
}

// One course event, for every member of its course: when (in the reader's
// zone), where, how it repeats, and its description.
export default async function CourseEventPage({ params }: Props) {
  const { eventId } = await params;
  const user = await requireUser(`/calendar/events/${eventId}`);
  const found = await loadCourseEvent(db, user, eventId);
  if (!found) notFound();
  const { event, course } = found;
  const zone = await readerTimeZone(user);
  const recurrence = recurrenceOf(event);
  // The course's teacher or an admin: the only staff who read it here (loadCourseEvent's WHERE).
  const manages = can(user, "area.teacher");

  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-4" aria-labelledby="event-title">
      <Link href={`/calendar?date=${isoDayIn(event.startsAt, event.allDay ? "UTC" : zone)}`} className="text-sm font-medium text-brand-700 underline">
        ← Back to the calendar
      </Link>
      <header className="flex flex-col gap-1">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
          {user.role === "student" ? (
            <Link href={`/learn/${course.slug}`} className="underline">
              {course.title}
            </Link>
          ) : (
            course.title
          )}
        </p>
        <h1 id="event-title" className="text-2xl font-bold">
          {event.title}
        </h1>
      </header>
      <dl className="grid gap-x-4 gap-y-2 rounded-card border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="font-semibold">When</dt>
        <dd>
          <time dateTime={event.startsAt.toISOString()} data-time-zone={zone}>{formatSpan(event.startsAt, event.endsAt, event.allDay, zone)}</time>
          {!event.allDay && event.timeZone !== zone ? (
            <span className="block text-ink-muted">Set in {event.timeZone}: {formatSpan(event.startsAt, event.endsAt, false, event.timeZone)}</span>
          ) : null}
        </dd>
        {recurrence ? (
          <>
            <dt className="font-semibold">Repeats</dt>
            <dd>{describeRecurrence(recurrence, zone)}</dd>
          </>
        ) : null}
        {event.location ? (
          <>
            <dt className="font-semibold">Where</dt>
            <dd>{event.location}</dd>
          </>
        ) : null}
      </dl>
      {event.description.trim() ? <Markdown source={event.description} /> : null}
      {manages ? (
        <p>
          <Link href={`/teacher/courses/${course.id}/events/${event.id}/edit`} className="font-medium text-brand-700 underline">
            Edit this event
          </Link>
        </p>
      ) : null}
    </article>
  );
}
