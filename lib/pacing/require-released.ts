// The one server-side check every road to a module, lesson or task takes
// (pages, actions, API routes, file routes): a student reaches an item only
// once its release rules (and its module's) are met. The course's teacher and
// admins are never locked out. Call it after the reader's access to the
// course is settled: a locked item reads as locked (403 with the reason), so
// it must never answer someone who may not know the item exists.
// No "server-only": the quiz and assignment checks it guards run in scripts too.
import { sql, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { ActionFailure } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/policy";
import { rowsOf } from "@/lib/db/rows";
import { browserZoneOfRequest } from "@/lib/calendar/browser-zone";
import { lockSentence, usableTimeZone, type LockWording } from "./describe-lock";
import { allOpen, type CourseRelease } from "./course-release";
import { openState, type LockReason, type ReleaseState } from "./evaluate-release";
import { loadCourseRelease } from "./load-release";
import { lockJson, type LockJson } from "./lock-json";
import type { ReleaseItemKind, ReleaseItemRef } from "./release-rule";

export type LockedNoun = "module" | "lesson" | "quiz" | "assignment" | "activity" | "file";

export interface ItemLock {
  noun: LockedNoun;
  state: ReleaseState;
  /** The reasons worded for the reader, in its time zone. */
  sentences: string[];
  /** The refusal's one line: "This lesson is locked. Opens on …". */
  message: string;
  json: LockJson;
}

/** A refusal because the item is not released to this student yet: 403 in the API, its message on a form. */
export class ItemLockedFailure extends ActionFailure {
  constructor(readonly lock: ItemLock) {
    super(lock.message, {}, "forbidden");
    this.name = "ItemLockedFailure";
  }
}

/**
 * Whether any module, lesson or task of the course has a rule, as a column:
 * select it beside the course (`courseHasRulesSql(courses.id)`) and pass it
 * on as `hasRules`, so a course without rules costs no statement more.
 */
export const courseHasRulesSql = (courseId: SQLWrapper | string) => sql<boolean>`(
  EXISTS (SELECT 1 FROM modules WHERE course_id = ${courseId} AND release_rule IS NOT NULL)
  OR EXISTS (SELECT 1 FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.course_id = ${courseId} AND l.release_rule IS NOT NULL)
  OR EXISTS (SELECT 1 FROM learning_tasks WHERE course_id = ${courseId} AND release_rule IS NOT NULL))`;

/** Whether any module, lesson or task of the course has a rule: one statement. */
export async function courseHasRules(db: DbOrTx, courseId: string): Promise<boolean> {
  const [row] = rowsOf<{ has: boolean }>(await db.execute(sql`SELECT ${courseHasRulesSql(courseId)} AS has`));
  return row?.has === true;
}

/**
 * The item's release state for the actor: always open for anyone but a
 * student; one statement for a course without rules (none when the caller
 * already read `hasRules` with courseHasRulesSql), six with.
 */
export async function releaseStateOf(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  item: ReleaseItemRef,
  now: Date = new Date(),
  hasRules?: boolean,
): Promise<ReleaseState> {
  if (actor.role !== "student") return openState;
  if (!(hasRules ?? (await courseHasRules(db, courseId)))) return openState;
  return (await loadCourseRelease(db, courseId, actor.id, now)).state(item.kind, item.id);
}

/**
 * A reader's release states of a whole course, and the words for them, for a
 * list of its items: everything open for staff (no statement) and for a
 * course without rules (one). Call it once the reader's access is settled.
 */
export async function loadReaderRelease(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  items: ReleaseItemRef[],
  now: Date = new Date(),
): Promise<{ release: CourseRelease; wording: LockWording }> {
  const utc: LockWording = { timeZone: "UTC", titleOf: () => undefined };
  if (actor.role !== "student" || !(await courseHasRules(db, courseId))) return { release: allOpen, wording: utc };
  const release = await loadCourseRelease(db, courseId, actor.id, now);
  const reasons = items.flatMap((item) => release.state(item.kind, item.id).reasons);
  return { release, wording: reasons.length === 0 ? utc : await loadLockWording(db, actor.id, reasons) };
}

function referencedBy(reasons: LockReason[]): ReleaseItemRef[] {
  const refs: ReleaseItemRef[] = [];
  for (const reason of reasons) {
    if (reason.kind === "completed") refs.push(reason.item);
    if (reason.kind === "score") refs.push({ kind: "task", id: reason.taskId });
  }
  return refs;
}

/**
 * The titles of the items the reasons point at (a draft task's stays unnamed)
 * and the reader's time zone: one statement.
 */
export async function loadLockWording(db: DbOrTx, userId: string, reasons: LockReason[]): Promise<LockWording> {
  const refs = referencedBy(reasons);
  const ids = (kind: ReleaseItemKind) => {
    const list = [...new Set(refs.filter((ref) => ref.kind === kind).map((ref) => ref.id))];
    return list.length === 0 ? sql`NULL::uuid` : sql.join(list.map((id) => sql`${id}::uuid`), sql`, `);
  };
  const rows = rowsOf<{ kind: string; id: string; title: string | null }>(
    await db.execute(sql`
      SELECT 'zone' AS kind, id::text AS id, time_zone AS title FROM users WHERE id = ${userId}
      UNION ALL SELECT 'module', id::text, title FROM modules WHERE id IN (${ids("module")})
      UNION ALL SELECT 'lesson', id::text, title FROM lessons WHERE id IN (${ids("lesson")})
      UNION ALL SELECT 'task', id::text, title FROM learning_tasks WHERE id IN (${ids("task")}) AND status = 'published'`),
  );
  const titles = new Map(rows.filter((row) => row.kind !== "zone").map((row) => [`${row.kind}:${row.id}`, row.title ?? undefined]));
  return {
    timeZone: usableTimeZone(rows.find((row) => row.kind === "zone")?.title ?? (await browserZoneOfRequest())),
    titleOf: (item) => titles.get(`${item.kind}:${item.id}`),
  };
}

/** A locked state worded for its reader. */
export function itemLock(noun: LockedNoun, state: ReleaseState, wording: LockWording): ItemLock {
  const json = lockJson(state, wording);
  return { noun, state, sentences: json.lockedSummary, message: `This ${noun} is locked. ${lockSentence(state, wording)}`.trim(), json };
}

/**
 * Throws ItemLockedFailure when the item is not released to the actor (a
 * student); otherwise returns. One statement for a course without rules.
 */
export async function requireReleased(
  db: DbOrTx,
  actor: Actor,
  target: { courseId: string; item: ReleaseItemRef; noun: LockedNoun; hasRules?: boolean },
  now: Date = new Date(),
): Promise<void> {
  const state = await releaseStateOf(db, actor, target.courseId, target.item, now, target.hasRules);
  if (state.open) return;
  throw new ItemLockedFailure(itemLock(target.noun, state, await loadLockWording(db, actor.id, state.reasons)));
}

/** For pages: the loader's value, or the lock that refused it (any other error goes on). */
export async function lockedOr<T>(load: Promise<T>): Promise<{ lock: ItemLock; value: null } | { lock: null; value: T }> {
  try {
    return { lock: null, value: await load };
  } catch (error) {
    if (error instanceof ItemLockedFailure) return { lock: error.lock, value: null };
    throw error;
  }
}
