import type { z } from "zod";
import type { CourseEvent } from "@/db/schema";
import type { calendarItemSchema, courseEventSchema } from "@/lib/api/contracts/calendar";
import { isoOrNull } from "@/lib/api/contract";
import type { CalendarItem } from "./calendar-item";
import { recurrenceOf } from "./calendar-items";
import { eventValuesOf } from "./event-schemas";
import { occurrencesBetween } from "./expand-recurrence";

// The REST API's answers for calendar items and course events.

export function calendarItemAnswer(item: CalendarItem, range: { from: Date; to: Date }): z.input<typeof calendarItemSchema> {
  const occurrences = item.endsAt
    ? occurrencesBetween(
        { startsAt: item.startsAt, endsAt: item.endsAt, allDay: item.allDay, timeZone: item.recurrence?.timeZone ?? "UTC", recurrence: item.recurrence },
        range,
      ).map((occurrence) => ({ startsAt: occurrence.startsAt.toISOString(), endsAt: occurrence.endsAt.toISOString() }))
    : [{ startsAt: item.startsAt.toISOString(), endsAt: null }];
  return {
    ...item,
    startsAt: item.startsAt.toISOString(),
    endsAt: isoOrNull(item.endsAt),
    recurrence: item.recurrence ? { ...item.recurrence, until: isoOrNull(item.recurrence.until) } : null,
    occurrences,
    updatedAt: item.updatedAt.toISOString(),
  };
}

export function courseEventAnswer(event: CourseEvent): z.input<typeof courseEventSchema> {
  const recurrence = recurrenceOf(event);
  return {
    id: event.id,
    courseId: event.courseId,
    title: event.title,
    description: event.description,
    location: event.location,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    allDay: event.allDay,
    timeZone: event.timeZone,
    recurrence: recurrence ? { ...recurrence, until: isoOrNull(recurrence.until) } : null,
    sequence: event.sequence,
    fields: eventValuesOf(event),
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}
