import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CourseEventForm } from "@/components/calendar/course-event-form";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadEventCourse } from "@/lib/calendar/event-queries";
import { readerTimeZone } from "@/lib/calendar/reader-time-zone";
import { addDays, isoDayIn, timeZoneChoices } from "@/lib/calendar/time-zone";

export const metadata: Metadata = { title: "Add an event" };
export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ courseId: string }>;
}

// A new event in a course's calendar, starting tomorrow at nine in the teacher's zone unless changed.
export default async function NewCourseEventPage({ params }: Props) {
  const { courseId } = await params;
  const user = await requireArea("area.teacher", `/teacher/courses/${courseId}/events/new`);
  const course = await loadEventCourse(db, user, courseId);
  if (!course) notFound();
  const zone = await readerTimeZone(user);
  const tomorrow = addDays(isoDayIn(new Date(), zone), 1);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${course.id}/events`} className="text-sm font-medium text-brand-700 underline">
          ← Back to the events of {course.title}
        </Link>
        <h1 className="text-2xl font-bold">Add an event to {course.title}</h1>
      </header>
      <CourseEventForm
        target={{ courseId: course.id }}
        zones={timeZoneChoices(zone)}
        initial={{
          title: "",
          description: "",
          location: "",
          allDay: false,
          startDate: tomorrow,
          startTime: "09:00",
          endDate: tomorrow,
          endTime: "10:00",
          timeZone: zone,
          repeat: "none",
          interval: "1",
          ends: "count",
          untilDate: "",
          count: "10",
        }}
      />
    </div>
  );
}
