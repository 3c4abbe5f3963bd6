// What the calendar page, the dashboard's "Due this week", the iCal feed and the
// per-course .ics download show: one shape for every source (due dates, release
// dates, course events). A recurring course event is one item with its rule;
// the page expands it into occurrences, the iCal writer emits an RRULE.
import type { RecurrenceFrequency } from "@/db/schema/enums";

export type CalendarItemKind =
  /** A quiz or assignment due (for a student: its own due date, override included); a quiz closes then. */
  | "due"
  /** A module, lesson or task opens for the reader (a release date known in advance). */
  | "opens"
  /** An event a teacher added to the course. */
  | "event";

export interface CalendarRecurrence {
  frequency: RecurrenceFrequency;
  interval: number;
  until: Date | null;
  count: number | null;
  /** IANA zone the occurrences keep their wall-clock time in. */
  timeZone: string;
}

export interface CalendarItem {
  /** Stable across fetches and edits (the iCal UID's local part): e.g. "due-<taskId>", "opens-lesson-<id>", "event-<id>". */
  id: string;
  kind: CalendarItemKind;
  title: string;
  /** Markdown (course events) or plain text. */
  description: string;
  location: string;
  courseId: string;
  courseTitle: string;
  courseSlug: string;
  startsAt: Date;
  /** Null for an instant (a due date, an opening). */
  endsAt: Date | null;
  /** An all-day event's startsAt and endsAt are UTC midnights of its first day and of the day after its last: read its dates in UTC. */
  allDay: boolean;
  /** Path on this site the item links to. */
  path: string;
  recurrence: CalendarRecurrence | null;
  /**
   * IANA zone of a course event (its wall-clock time, the iCal TZID, and the
   * zone an all-day event's dates are read in); a recurring event's is also in
   * `recurrence.timeZone`. Absent or null for due dates and openings (UTC).
   */
  timeZone?: string | null;
  /** Last change, for iCal DTSTAMP/LAST-MODIFIED and the feed's ETag. */
  updatedAt: Date;
  /** Bumped on each edit of a course event (iCal SEQUENCE); 0 otherwise. */
  sequence: number;
}
