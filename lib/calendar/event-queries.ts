import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseEvents, courses, type CourseEvent } from "@/db/schema";
import type { CourseStatus } from "@/db/schema/enums";
import { courseReadableBy } from "@/lib/announcements/access";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";

// Reads of course events: the teacher's pages manage them, every member of
// the course reads them. A course or event the actor may not see is null.

export interface EventCourse {
  id: string;
  slug: string;
  title: string;
  status: CourseStatus;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const courseColumns = { id: courses.id, slug: courses.slug, title: courses.title, status: courses.status };

/** The course whose events the actor manages (its teacher, or an admin); else null. One statement. */
export async function loadEventCourse(db: DbOrTx, actor: Actor, courseId: string): Promise<EventCourse | null> {
  if (!uuidPattern.test(courseId)) return null;
  const [course] = await db
    .select({ ...courseColumns, visibility: courses.visibility, teacherId: courses.teacherId })
    .from(courses)
    .where(and(eq(courses.id, courseId), taughtCourses(actor)));
  if (!course || !can(actor, "courseEvent.manage", course)) return null;
  return { id: course.id, slug: course.slug, title: course.title, status: course.status };
}

/** The course when the actor may read its content (course.viewContent); else null. One statement. */
export async function loadEventReadableCourse(db: DbOrTx, actor: Actor, courseId: string): Promise<EventCourse | null> {
  if (!uuidPattern.test(courseId)) return null;
  const [course] = await db.select(courseColumns).from(courses).where(and(eq(courses.id, courseId), courseReadableBy(actor)));
  return course ?? null;
}

/** Every event of a course the actor may read, first first; none otherwise. One statement. */
export async function listCourseEvents(db: DbOrTx, actor: Actor, courseId: string): Promise<CourseEvent[]> {
  if (!uuidPattern.test(courseId)) return [];
  const rows = await db
    .select({ event: courseEvents })
    .from(courseEvents)
    .innerJoin(courses, eq(courses.id, courseEvents.courseId))
    .where(and(eq(courseEvents.courseId, courseId), courseReadableBy(actor)))
    .orderBy(asc(courseEvents.startsAt), asc(courseEvents.id));
  return rows.map((row) => row.event);
}

/** One event with its course, when the actor may read that course (and, given `courseId`, it is that course's); else null. One statement. */
export async function loadCourseEvent(
  db: DbOrTx,
  actor: Actor,
  eventId: string,
  courseId?: string,
): Promise<{ event: CourseEvent; course: EventCourse } | null> {
  if (!uuidPattern.test(eventId)) return null;
  const [row] = await db
    .select({ event: courseEvents, course: courseColumns })
    .from(courseEvents)
    .innerJoin(courses, eq(courses.id, courseEvents.courseId))
    .where(and(eq(courseEvents.id, eventId), courseId ? eq(courseEvents.courseId, courseId) : undefined, courseReadableBy(actor)));
  return row ?? null;
}
