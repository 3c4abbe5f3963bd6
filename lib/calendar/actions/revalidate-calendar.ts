import { revalidatePath } from "next/cache";
import type { CourseEventChange } from "../event-commands";

/** Every page that shows a course's events: the teacher's list, the calendar, the dashboards and the course's pages. */
export function revalidateCourseEvents({ courseId, eventId, slug }: CourseEventChange): void {
  revalidatePath(`/teacher/courses/${courseId}/events`, "layout");
  revalidatePath("/calendar", "layout");
  revalidatePath(`/learn/${slug}`);
  revalidatePath("/dashboard");
  revalidatePath("/teacher");
  revalidatePath(`/calendar/events/${eventId}`);
}
