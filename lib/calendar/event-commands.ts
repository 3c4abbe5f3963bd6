import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { courseEvents, courses } from "@/db/schema";
import { command } from "@/lib/actions/command";
import { fail, invalidInputMessage, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { courseEventIdSchema, createCourseEventSchema, eventColumnsOf, updateCourseEventSchema, type CourseEventValues, type EventColumns } from "./event-schemas";

// Adding, changing and removing a course's calendar events: the course's
// teacher or an admin (courseEvent.manage), every change audited. The server
// actions, the REST API and the tests all run these.


export const eventCourseNotFoundMessage = "This course does not exist or you do not teach it.";
export const eventNotFoundMessage = "This event no longer exists. Reload the page.";

export interface CourseEventChange {
  eventId: string;
  courseId: string;
  slug: string;
}

/** The course (locked) when the actor may manage its events; else fails as not found. */
export async function lockEventCourse(tx: DbOrTx, actor: Actor, courseId: string) {
  const [course] = await tx
    .select({ id: courses.id, slug: courses.slug, status: courses.status, visibility: courses.visibility, teacherId: courses.teacherId })
    .from(courses)
    .where(and(eq(courses.id, courseId), taughtCourses(actor)))
    .for("update");
  if (!course || !can(actor, "courseEvent.manage", course)) missing(eventCourseNotFoundMessage);
  return course;
}

/** The event (locked, so two edits run one after the other) when the actor may manage its course; else fails as not found. */
async function lockEvent(tx: DbOrTx, actor: Actor, eventId: string, courseId?: string) {
  const [row] = await tx
    .select({
      event: courseEvents,
      slug: courses.slug,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
    })
    .from(courseEvents)
    .innerJoin(courses, eq(courses.id, courseEvents.courseId))
    .where(and(eq(courseEvents.id, eventId), courseId ? eq(courseEvents.courseId, courseId) : undefined, taughtCourses(actor)))
    .for("update", { of: courseEvents });
  if (!row || !can(actor, "courseEvent.manage", row)) missing(eventNotFoundMessage);
  return row;
}

function columnsOrFail(values: CourseEventValues): EventColumns {
  const result = eventColumnsOf(values);
  if (!result.ok) {
    fail(invalidInputMessage, Object.fromEntries(Object.entries(result.issues).map(([field, message]) => [field, [message]])), "invalid");
  }
  return result.columns;
}

const summary = (event: { title: string; startsAt: Date; endsAt: Date; allDay: boolean; recurrence: string | null; courseId: string }) => ({
  title: event.title,
  courseId: event.courseId,
  startsAt: event.startsAt.toISOString(),
  endsAt: event.endsAt.toISOString(),
  allDay: event.allDay,
  recurrence: event.recurrence,
});

/** A new event in the course's calendar. */
export async function createCourseEvent(tx: DbOrTx, actor: Actor, input: z.output<typeof createCourseEventSchema>): Promise<CourseEventChange> {
  const course = await lockEventCourse(tx, actor, input.courseId);
  const columns = columnsOrFail(input);
  const [row] = await tx
    .insert(courseEvents)
    .values({ courseId: course.id, title: input.title, description: input.description, location: input.location, ...columns, createdById: actor.id })
    .returning();
  await recordAudit(tx, { actorId: actor.id, action: "course_event.created", entityType: "course_event", entityId: row!.id, after: summary(row!) });
  return { eventId: row!.id, courseId: course.id, slug: course.slug };
}

/** Changes an event; its sequence goes up, so calendar apps that subscribed take the change. */
export async function updateCourseEvent(
  tx: DbOrTx,
  actor: Actor,
  input: z.output<typeof updateCourseEventSchema>,
  courseId?: string,
): Promise<CourseEventChange> {
  const { event, slug } = await lockEvent(tx, actor, input.eventId, courseId);
  const columns = columnsOrFail(input);
  const [row] = await tx
    .update(courseEvents)
    .set({
      title: input.title,
      description: input.description,
      location: input.location,
      ...columns,
      sequence: sql`${courseEvents.sequence} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(courseEvents.id, event.id))
    .returning();
  await recordAudit(tx, {
    actorId: actor.id,
    action: "course_event.updated",
    entityType: "course_event",
    entityId: event.id,
    before: summary(event),
    after: summary(row!),
  });
  return { eventId: event.id, courseId: event.courseId, slug };
}

/** Removes an event from the course's calendar, audited like every deletion. */
export async function deleteCourseEvent(tx: DbOrTx, actor: Actor, eventId: string, courseId?: string): Promise<CourseEventChange> {
  const { event, slug } = await lockEvent(tx, actor, eventId, courseId);
  await tx.delete(courseEvents).where(eq(courseEvents.id, event.id));
  await recordAudit(tx, { actorId: actor.id, action: "course_event.deleted", entityType: "course_event", entityId: event.id, before: summary(event) });
  return { eventId: event.id, courseId: event.courseId, slug };
}

export const createCourseEventCommand = command({
  name: "courseEvent.create",
  schema: createCourseEventSchema,
  authorize: async (user, input, tx) => Boolean(await lockEventCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => createCourseEvent(tx, user, input),
});

export const updateCourseEventCommand = command({
  name: "courseEvent.update",
  schema: updateCourseEventSchema,
  authorize: async (user, input, tx) => Boolean(await lockEvent(tx, user, input.eventId)),
  run: (input, { user, tx }) => updateCourseEvent(tx, user, input),
});

export const deleteCourseEventCommand = command({
  name: "courseEvent.delete",
  schema: courseEventIdSchema,
  authorize: async (user, input, tx) => Boolean(await lockEvent(tx, user, input.eventId)),
  run: (input, { user, tx }) => deleteCourseEvent(tx, user, input.eventId),
});
