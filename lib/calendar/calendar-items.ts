// The calendar items an actor sees in a range of time: the one collector
// behind the calendar page, the dashboard, the REST API and the iCal feed.
// A student sees its own due dates (overrides included), the openings of
// what release rules keep locked for it with a known date, and its courses'
// events; a teacher (and an admin, for the courses it teaches) sees its
// courses' due dates, the dates its release rules name, and its events.
// At most six statements, however many courses, tasks or events.
import type { DbOrTx } from "@/db";
import type { CourseEvent } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { courseRelease, type CourseRelease } from "@/lib/pacing/course-release";
import { effectiveLimits } from "@/lib/pacing/effective-task";
import { loadStudentFacts } from "@/lib/pacing/load-release";
import type { ReleaseItemKind, ReleaseRule } from "@/lib/pacing/release-rule";
import type { CalendarItem, CalendarRecurrence } from "./calendar-item";
import {
  loadCalendarCourses,
  loadCalendarEvents,
  loadCalendarOutlines,
  loadCalendarTasks,
  pacedCourseOf,
  type CalendarCourse,
  type CalendarRange,
  type CalendarTask,
  type CourseOutline,
  type OutlineItem,
} from "./calendar-sources";
import { occursBetween } from "./expand-recurrence";

export type { CalendarRange };

const inRange = (instant: Date | null, range: { from: Date; to: Date }): instant is Date =>
  instant !== null && instant >= range.from && instant < range.to;

/** Where a task opens on this site for the reader. */
function taskPath(actor: Actor, course: CalendarCourse, task: Pick<CalendarTask, "id" | "type">): string {
  if (actor.role !== "student") {
    return task.type === "quiz" ? `/teacher/courses/${course.id}/quizzes/${task.id}/results` : `/teacher/courses/${course.id}/structure`;
  }
  if (task.type === "quiz") return `/learn/${course.slug}/quiz/${task.id}`;
  if (task.type === "assignment" || task.type === "project") return `/learn/${course.slug}/assignment/${task.id}`;
  return `/courses/${course.slug}#task-${task.id}`;
}

const draftMark = (status: string) => (status === "draft" ? " (draft)" : "");

function courseFields(course: CalendarCourse) {
  return { courseId: course.id, courseTitle: `${course.title}${draftMark(course.status)}`, courseSlug: course.slug };
}

function dueItem(actor: Actor, course: CalendarCourse, task: CalendarTask, dueAt: Date, ownDate: boolean): CalendarItem {
  const verb = task.type === "quiz" ? "Quiz closes" : "Due";
  return {
    id: `due-${task.id}`,
    kind: "due",
    title: `${verb}: ${task.title}${draftMark(task.status)}`,
    description: ownDate ? "Your own due date, set by your teacher." : "",
    location: "",
    ...courseFields(course),
    startsAt: dueAt,
    endsAt: null,
    allDay: false,
    path: taskPath(actor, course, task),
    recurrence: null,
    updatedAt: task.updatedAt,
    sequence: 0,
  };
}

function opensItem(
  course: CalendarCourse,
  kind: ReleaseItemKind,
  item: { id: string; title: string; updatedAt: Date },
  opensAt: Date,
  path: string,
  description = "",
): CalendarItem {
  return {
    id: `opens-${kind}-${item.id}`,
    kind: "opens",
    title: `Opens: ${item.title}`,
    description,
    location: "",
    ...courseFields(course),
    startsAt: opensAt,
    endsAt: null,
    allDay: false,
    path,
    recurrence: null,
    updatedAt: item.updatedAt,
    sequence: 0,
  };
}

export function recurrenceOf(event: Pick<CourseEvent, "recurrence" | "recurrenceInterval" | "recurrenceUntil" | "recurrenceCount" | "allDay" | "timeZone">): CalendarRecurrence | null {
  if (!event.recurrence) return null;
  return {
    frequency: event.recurrence,
    interval: event.recurrenceInterval,
    until: event.recurrenceUntil,
    count: event.recurrenceCount,
    timeZone: event.allDay ? "UTC" : event.timeZone,
  };
}

export function eventItem(course: Pick<CalendarCourse, "id" | "title" | "slug" | "status">, event: CourseEvent): CalendarItem {
  return {
    id: `event-${event.id}`,
    kind: "event",
    title: event.title,
    description: event.description,
    location: event.location,
    courseId: course.id,
    courseTitle: `${course.title}${draftMark(course.status)}`,
    courseSlug: course.slug,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    allDay: event.allDay,
    path: `/calendar/events/${event.id}`,
    recurrence: recurrenceOf(event),
    // A one-off event keeps its zone too, so calendar apps show it with the teacher's TZID.
    timeZone: event.allDay ? null : event.timeZone,
    updatedAt: event.updatedAt,
    sequence: event.sequence,
  };
}

/** When a rule's dates alone would open the item: the last date of an "all" rule, the first of an "any" rule; null without dates. */
export function ruleDate(rule: ReleaseRule | null): { opensAt: Date; onlyDates: boolean } | null {
  if (!rule) return null;
  const dates = rule.conditions.flatMap((condition) => (condition.kind === "date" ? [Date.parse(condition.opensAt)] : []));
  if (dates.length === 0) return null;
  const opensAt = new Date(rule.match === "all" ? Math.max(...dates) : Math.min(...dates));
  return { opensAt, onlyDates: dates.length === rule.conditions.length };
}

/** A student's openings: each locked item with a known date, once (a module's lessons open with it). */
function studentOpenings(
  actor: Actor,
  course: CalendarCourse,
  outline: CourseOutline,
  tasks: CalendarTask[],
  release: CourseRelease,
  range: { from: Date; to: Date },
): CalendarItem[] {
  const items: CalendarItem[] = [];
  const moduleOpening = new Map<string, number>();
  for (const courseModule of outline.modules) {
    const state = release.state("module", courseModule.id);
    if (state.open || !state.opensAt) continue;
    moduleOpening.set(courseModule.id, state.opensAt.getTime());
    if (inRange(state.opensAt, range)) items.push(opensItem(course, "module", courseModule, state.opensAt, `/learn/${course.slug}`));
  }
  // An item with no rule of its own opens with its module, which is listed already.
  const own = (kind: ReleaseItemKind, item: { id: string; rule: ReleaseRule | null }, moduleId: string | null) => {
    if (!item.rule) return null;
    const state = release.state(kind, item.id);
    if (state.open || !inRange(state.opensAt, range)) return null;
    if (moduleId && moduleOpening.get(moduleId) === state.opensAt.getTime()) return null;
    return state.opensAt;
  };
  for (const lesson of outline.lessons) {
    const opensAt = own("lesson", lesson, lesson.moduleId);
    if (opensAt) items.push(opensItem(course, "lesson", lesson, opensAt, `/learn/${course.slug}/${lesson.id}`));
  }
  for (const task of tasks) {
    const opensAt = own("task", task, task.moduleId);
    if (opensAt) items.push(opensItem(course, "task", task, opensAt, taskPath(actor, course, task)));
  }
  return items;
}

/** Staff's openings: every item whose rule names a date, at that date. */
function staffOpenings(course: CalendarCourse, outline: CourseOutline | undefined, tasks: CalendarTask[], range: { from: Date; to: Date }): CalendarItem[] {
  const items: CalendarItem[] = [];
  const structure = `/teacher/courses/${course.id}/structure`;
  const add = (kind: ReleaseItemKind, item: OutlineItem, path: string, suffix = "") => {
    const date = ruleDate(item.rule);
    if (!date || !inRange(date.opensAt, range)) return;
    const note = date.onlyDates ? "" : "Other conditions of its release rule apply too.";
    items.push(opensItem(course, kind, { ...item, title: `${item.title}${suffix}` }, date.opensAt, path, note));
  };
  for (const courseModule of outline?.modules ?? []) add("module", courseModule, structure);
  for (const lesson of outline?.lessons ?? []) add("lesson", lesson, structure);
  for (const task of tasks) add("task", task, task.type === "quiz" ? `/teacher/courses/${course.id}/quizzes/${task.id}/results` : structure, draftMark(task.status));
  return items;
}

/** Only the due date matters here: the other limits stay unset. */
const limitsOf = (dueAt: Date | null) => ({ dueAt, timeLimitMinutes: null, attemptsAllowed: null });

const byTime = (a: CalendarItem, b: CalendarItem) =>
  a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/**
 * Every item the actor sees that falls in [from, to): a recurring event once,
 * with its rule, when any of its occurrences does. `courseId` keeps one
 * course, and a course the actor does not see gives nothing.
 */
export async function calendarItemsFor(db: DbOrTx, actor: Actor, range: CalendarRange): Promise<CalendarItem[]> {
  if (!(range.from < range.to)) return [];
  const courseList = await loadCalendarCourses(db, actor, range.courseId);
  if (courseList.length === 0) return [];
  const ids = courseList.map((course) => course.id);
  const [tasks, outlines, events] = await Promise.all([
    loadCalendarTasks(db, actor, ids, range),
    loadCalendarOutlines(db, actor, ids),
    loadCalendarEvents(db, ids, range),
  ]);
  const tasksByCourse = new Map<string, CalendarTask[]>(ids.map((id) => [id, []]));
  for (const task of tasks) tasksByCourse.get(task.courseId)!.push(task);

  const items: CalendarItem[] = [];
  const student = actor.role === "student";
  for (const course of courseList) {
    for (const task of tasksByCourse.get(course.id)!) {
      const dueAt = student ? effectiveLimits(limitsOf(task.dueAt), limitsOf(task.overrideDueAt)).dueAt : task.dueAt;
      if (inRange(dueAt, range)) items.push(dueItem(actor, course, task, dueAt, student && task.overrideDueAt !== null));
    }
  }

  if (student) {
    // Only a course with a rule has an outline here (or a rule on a task); the others have nothing locked.
    const ruled = courseList.filter((course) => outlines.has(course.id) || tasksByCourse.get(course.id)!.some((task) => task.rule));
    const facts = await loadStudentFacts(db, { userId: actor.id, enrolledAt: new Map(ruled.map((course) => [course.id, course.enrolledAt])) });
    const now = new Date();
    for (const course of ruled) {
      const outline = outlines.get(course.id) ?? { modules: [], lessons: [] };
      const courseTasks = tasksByCourse.get(course.id)!;
      const release = courseRelease(pacedCourseOf(outline, courseTasks), facts.get(course.id)!, now);
      items.push(...studentOpenings(actor, course, outline, courseTasks, release, range));
    }
  } else {
    for (const course of courseList) items.push(...staffOpenings(course, outlines.get(course.id), tasksByCourse.get(course.id)!, range));
  }

  const courseById = new Map(courseList.map((course) => [course.id, course]));
  for (const event of events) {
    const span = { startsAt: event.startsAt, endsAt: event.endsAt, allDay: event.allDay, timeZone: event.timeZone, recurrence: recurrenceOf(event) };
    if (occursBetween(span, range)) items.push(eventItem(courseById.get(event.courseId)!, event));
  }
  return items.sort(byTime);
}
