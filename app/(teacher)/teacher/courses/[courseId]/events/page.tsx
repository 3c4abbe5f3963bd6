import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteEventButton } from "@/components/calendar/delete-event-button";
import { TableContainer } from "@/components/ui/table-container";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { recurrenceOf } from "@/lib/calendar/calendar-items";
import { listCourseEvents, loadEventCourse } from "@/lib/calendar/event-queries";
import { describeRecurrence, formatSpan } from "@/lib/calendar/format";
import { readerTimeZone } from "@/lib/calendar/reader-time-zone";

export const metadata: Metadata = { title: "Course events" };
export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const notices: Record<string, string> = { added: "The event was added.", saved: "The event was saved.", deleted: "The event was deleted." };

// A course's calendar events for its teacher (or an admin): add, edit, delete.
export default async function CourseEventsPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/events`);
  // Someone else's course, a missing one and a malformed id all read as not found.
  const course = await loadEventCourse(db, user, courseId);
  if (!course) notFound();
  const [events, zone] = await Promise.all([listCourseEvents(db, user, course.id), readerTimeZone(user)]);
  const query = await searchParams;
  const notice = Object.keys(notices).find((key) => query[key] !== undefined);
  const base = `/teacher/courses/${course.id}/events`;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${course.id}`} className="text-sm font-medium text-brand-700 underline">
          ← Back to {course.title}
        </Link>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-bold">Events: {course.title}</h1>
            <p className="text-ink-muted">
              Classes, exams and trips in the calendar of every student of the course. Times shown in <span data-time-zone={zone}>{zone}</span>.
            </p>
          </div>
          <Link href={`${base}/new`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            Add an event
          </Link>
        </div>
        {notice ? (
          <p role="status" className="rounded-md border border-success-700/30 bg-success-50 px-4 py-3 text-sm text-success-700">
            {notices[notice]}
          </p>
        ) : null}
      </header>

      {events.length === 0 ? (
        <p className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center text-ink-muted">
          No events yet. Add one with “Add an event”.
        </p>
      ) : (
        <TableContainer label="Events">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Events of {course.title}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Event</th>
                <th scope="col" className="px-4 py-3 font-semibold">When</th>
                <th scope="col" className="px-4 py-3 font-semibold">Repeats</th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => {
                const recurrence = recurrenceOf(event);
                return (
                  <tr key={event.id} className="border-b border-slate-100 align-top last:border-0">
                    <th scope="row" className="px-4 py-3 font-medium">
                      <Link href={`/calendar/events/${event.id}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
                        {event.title}
                      </Link>
                      {event.location ? <span className="block text-xs font-normal text-ink-muted">{event.location}</span> : null}
                    </th>
                    <td className="px-4 py-3">{formatSpan(event.startsAt, event.endsAt, event.allDay, zone)}</td>
                    <td className="px-4 py-3">{recurrence ? describeRecurrence(recurrence, zone) : "No"}</td>
                    <td className="px-4 py-3">
                      <div className="flex flex-wrap items-start gap-2">
                        <Link
                          href={`${base}/${event.id}/edit`}
                          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100"
                        >
                          Edit<span className="sr-only"> {event.title}</span>
                        </Link>
                        <DeleteEventButton event={{ id: event.id, title: event.title }} />
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableContainer>
      )}
    </div>
  );
}
