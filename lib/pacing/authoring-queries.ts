import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses, learningTasks, lessons, modules, users } from "@/db/schema";
import type { CourseStatus, ProgressScope, TaskType } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { describeRule } from "./describe-rule";
import { parseStoredRule, releaseItemKinds, type ReleaseItemKind, type ReleaseItemRef, type ReleaseRule } from "./release-rule";
import { formatInstant } from "./wall-time";
import { itemName, type OutlineLesson, type OutlineModule, type OutlineTask, type RuleOutline } from "./rule-checks";

// What teachers read to write release rules: the course's items with their
// rules, one item's rule, and the teacher's time zone. Every read takes the
// acting user and finds only the courses it teaches (an admin: all).

export interface PacingTask extends OutlineTask {
  type: TaskType;
}

/** The course's modules, lessons and tasks in course order, with their rules. */
export interface PacingOutline extends RuleOutline {
  modules: OutlineModule[];
  lessons: OutlineLesson[];
  tasks: PacingTask[];
}

/** Every module, lesson and task of a course with its rule: two statements. */
export async function loadPacingOutline(db: DbOrTx, courseId: string): Promise<PacingOutline> {
  const [lessonRows, taskRows] = await Promise.all([
    db
      .select({
        moduleId: modules.id,
        moduleTitle: modules.title,
        moduleRule: modules.releaseRule,
        lessonId: lessons.id,
        lessonTitle: lessons.title,
        lessonRule: lessons.releaseRule,
      })
      .from(modules)
      .leftJoin(lessons, eq(lessons.moduleId, modules.id))
      .where(eq(modules.courseId, courseId))
      .orderBy(asc(modules.position), asc(modules.id), asc(lessons.position), asc(lessons.id)),
    db
      .select({
        id: learningTasks.id,
        moduleId: learningTasks.moduleId,
        title: learningTasks.title,
        type: learningTasks.type,
        status: learningTasks.status,
        maxPoints: learningTasks.maxPoints,
        rule: learningTasks.releaseRule,
      })
      .from(learningTasks)
      .where(eq(learningTasks.courseId, courseId))
      .orderBy(asc(learningTasks.position), asc(learningTasks.id)),
  ]);
  const outline: PacingOutline = { modules: [], lessons: [], tasks: [] };
  const seen = new Set<string>();
  for (const row of lessonRows) {
    if (!seen.has(row.moduleId)) {
      seen.add(row.moduleId);
      outline.modules.push({ id: row.moduleId, title: row.moduleTitle, rule: parseStoredRule(row.moduleRule) });
    }
    if (row.lessonId) outline.lessons.push({ id: row.lessonId, moduleId: row.moduleId, title: row.lessonTitle!, rule: parseStoredRule(row.lessonRule) });
  }
  for (const row of taskRows)
    outline.tasks.push({
      id: row.id,
      moduleId: row.moduleId && seen.has(row.moduleId) ? row.moduleId : null,
      title: row.title,
      type: row.type,
      rule: parseStoredRule(row.rule),
      published: row.status === "published",
      maxPoints: row.maxPoints,
    });
  return outline;
}

export interface PacedItem {
  kind: ReleaseItemKind;
  id: string;
  title: string;
  courseId: string;
  rule: ReleaseRule | null;
}

/**
 * A module, lesson or task of a course the actor teaches, with its rule; null
 * for a missing item, someone else's, a malformed id and anyone who teaches
 * nothing. One statement.
 */
export async function findPacedItem(db: DbOrTx, actor: Actor, ref: { kind: string; id: string }): Promise<PacedItem | null> {
  if (!(releaseItemKinds as readonly string[]).includes(ref.kind) || !z.uuid().safeParse(ref.id).success || !can(actor, "area.teacher")) return null;
  const kind = ref.kind as ReleaseItemKind;
  const columns = { teacherId: courses.teacherId, status: courses.status, visibility: courses.visibility, courseId: courses.id };
  let row: { title: string; rule: unknown; teacherId: string; status: CourseStatus; visibility: "public" | "private"; courseId: string } | undefined;
  if (kind === "module") {
    [row] = await db
      .select({ title: modules.title, rule: modules.releaseRule, ...columns })
      .from(modules)
      .innerJoin(courses, eq(courses.id, modules.courseId))
      .where(and(eq(modules.id, ref.id), taughtCourses(actor)));
  } else if (kind === "lesson") {
    [row] = await db
      .select({ title: lessons.title, rule: lessons.releaseRule, ...columns })
      .from(lessons)
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .innerJoin(courses, eq(courses.id, modules.courseId))
      .where(and(eq(lessons.id, ref.id), taughtCourses(actor)));
  } else {
    [row] = await db
      .select({ title: learningTasks.title, rule: learningTasks.releaseRule, ...columns })
      .from(learningTasks)
      .innerJoin(courses, eq(courses.id, learningTasks.courseId))
      .where(and(eq(learningTasks.id, ref.id), taughtCourses(actor)));
  }
  if (!row || !can(actor, "course.pace", row)) return null;
  return { kind, id: ref.id, title: row.title, courseId: row.courseId, rule: parseStoredRule(row.rule) };
}

/** The actor's own time zone, or null for "the browser's". */
export async function loadTimeZone(db: DbOrTx, actor: Actor): Promise<string | null> {
  const [row] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, actor.id));
  return row?.timeZone ?? null;
}

/** A rule's line as the API and the audit log give it: dates in UTC. */
export function summaryOf(outline: RuleOutline, rule: ReleaseRule | null): string {
  return describeRule(rule, { nameOf: (ref) => itemName(outline, ref), formatInstant: (instant) => formatInstant(instant, "UTC") });
}

export interface ReleaseEditorData {
  course: { id: string; slug: string; title: string; status: CourseStatus; progressScope: ProgressScope };
  item: PacedItem & { moduleId: string | null };
  outline: PacingOutline;
  /** The teacher's zone, or null: the browser's. */
  timeZone: string | null;
}

/** Everything the release conditions page needs, or null (not found). Five statements. */
export async function loadReleaseEditor(db: DbOrTx, actor: Actor, courseId: string, ref: { kind: string; id: string }): Promise<ReleaseEditorData | null> {
  const item = await findPacedItem(db, actor, ref);
  if (!item || item.courseId !== courseId) return null;
  const [[course], outline, timeZone] = await Promise.all([
    db
      .select({ id: courses.id, slug: courses.slug, title: courses.title, status: courses.status, progressScope: courses.progressScope })
      .from(courses)
      .where(eq(courses.id, courseId)),
    loadPacingOutline(db, courseId),
    loadTimeZone(db, actor),
  ]);
  if (!course) return null;
  const moduleId =
    item.kind === "lesson"
      ? (outline.lessons.find((lesson) => lesson.id === item.id)?.moduleId ?? null)
      : item.kind === "task"
        ? (outline.tasks.find((task) => task.id === item.id)?.moduleId ?? null)
        : null;
  return { course, item: { ...item, moduleId }, outline, timeZone };
}

/** The rules of a course's items and the names they point at, for the structure editor's badges. */
export interface ReleaseBadgeData {
  courseId: string;
  timeZone: string | null;
  /** `<kind>:<id>` → rule, only for items that have one. */
  rules: Record<string, ReleaseRule>;
  /** `<kind>:<id>` → `lesson “Forces”`, for every item a rule names. */
  names: Record<string, string>;
}

export const badgeKey = (ref: ReleaseItemRef) => `${ref.kind}:${ref.id}`;

/** The badges' data for a course the actor teaches, or null. Four statements. */
export async function loadReleaseBadges(db: DbOrTx, actor: Actor, courseId: string): Promise<ReleaseBadgeData | null> {
  if (!z.uuid().safeParse(courseId).success) return null;
  const [course] = await db
    .select({ id: courses.id, teacherId: courses.teacherId, status: courses.status, visibility: courses.visibility })
    .from(courses)
    .where(and(eq(courses.id, courseId), taughtCourses(actor)));
  if (!course || !can(actor, "course.pace", course)) return null;
  const [outline, timeZone] = await Promise.all([loadPacingOutline(db, courseId), loadTimeZone(db, actor)]);
  const rules: Record<string, ReleaseRule> = {};
  const names: Record<string, string> = {};
  const all: { kind: ReleaseItemKind; entries: readonly { id: string; rule: ReleaseRule | null }[] }[] = [
    { kind: "module", entries: outline.modules },
    { kind: "lesson", entries: outline.lessons },
    { kind: "task", entries: outline.tasks },
  ];
  for (const { kind, entries } of all)
    for (const entry of entries) {
      if (!entry.rule) continue;
      rules[badgeKey({ kind, id: entry.id })] = entry.rule;
      for (const condition of entry.rule.conditions) {
        const ref: ReleaseItemRef | null =
          condition.kind === "completed" ? condition.item : condition.kind === "score" ? { kind: "task", id: condition.taskId } : null;
        if (ref) names[badgeKey(ref)] = itemName(outline, ref);
      }
    }
  return { courseId: course.id, timeZone, rules, names };
}
