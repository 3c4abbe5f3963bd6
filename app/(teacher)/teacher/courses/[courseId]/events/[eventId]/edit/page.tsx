import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CourseEventForm } from "@/components/calendar/course-event-form";
import { DeleteEventButton } from "@/components/calendar/delete-event-button";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { eventValuesOf } from "@/lib/calendar/event-schemas";
import { loadCourseEvent, loadEventCourse } from "@/lib/calendar/event-queries";
import { timeZoneChoices } from "@/lib/calendar/time-zone";

export const metadata: Metadata = { title: "Edit event" };
export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ courseId: string; eventId: string }>;
}

// Changes one event of a course (every repeat with it), or deletes it after a confirmation.
export default async function EditCourseEventPage({ params }: Props) {
  const { courseId, eventId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/events/${eventId}/edit`);
  const course = await loadEventCourse(db, user, courseId);
  if (!course) notFound();
  const found = await loadCourseEvent(db, user, eventId, course.id);
  if (!found) notFound();
  const { event } = found;
  const values = eventValuesOf(event);
  const listHref = `/teacher/courses/${course.id}/events`;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={listHref} className="text-sm font-medium text-brand-700 underline">
          ← Back to the events of {course.title}
        </Link>
        <h1 className="text-2xl font-bold">Edit “{event.title}”</h1>
      </header>
      <CourseEventForm
        target={{ courseId: course.id, eventId: event.id }}
        zones={timeZoneChoices(event.timeZone)}
        initial={{ ...values, interval: String(values.interval ?? 1), count: values.count === undefined ? "10" : String(values.count) }}
      />
      <section aria-labelledby="delete-event" className="rounded-card border border-danger-600/30 bg-white p-4">
        <h2 id="delete-event" className="mb-2 font-semibold">
          Delete this event
        </h2>
        <DeleteEventButton event={{ id: event.id, title: event.title }} listHref={listHref} />
      </section>
    </div>
  );
}
