import { sql, type SQL } from "drizzle-orm";
import type { DomainEventRow } from "@/db/schema";
import { rowsOf } from "@/lib/db/rows";
import type { EventHandler } from "@/lib/events/process-events";
import { loadCourseReleases } from "@/lib/pacing/load-release";
import { sectionOverrideField } from "@/lib/sections/section-overrides-sql";
import { deliver } from "./deliver";

// Who hears of a due date: the task's reminder goes to the students who keep
// the task's date, an override's reminder to its one student, each only while
// the task is open to them (release conditions) and they have not finished
// it. A changed override tells its student what now applies. Loaded by the
// worker: no "server-only".

type Transaction = Parameters<EventHandler>[1];
const payloadOf = (event: DomainEventRow) => event.payload as Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" ? value : "");

const taskPath = sql`'/learn/' || c.slug || CASE t.type WHEN 'quiz' THEN '/quiz/' ELSE '/assignment/' END || t.id`;
const utcTime = (instant: SQL) => sql`to_char(${instant} AT TIME ZONE 'UTC', 'Dy DD Mon HH24:MI') || ' UTC'`;
/** Work handed in (an attempt submitted, an assignment submitted or graded) needs no reminder. */
const notFinished = sql`coalesce(tp.status::text, 'not_started') NOT IN ('submitted', 'completed', 'graded')`;

/** The students of `userIds` the task is open to now; one outline and, for a paced course, the students' facts (five statements at most). */
async function releasedTo(tx: Transaction, courseId: string, taskId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const { releases } = await loadCourseReleases(tx, courseId, userIds, new Date());
  return userIds.filter((userId) => releases.get(userId)?.isOpen("task", taskId));
}

/** A PostgreSQL uuid[] literal as one parameter, however many ids: never thousands of placeholders. */
const uuidArray = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/**
 * A due date of a task within 24 hours (the task's own, or one of its
 * sections' overrides): active students who have not finished it, have no
 * due date of their own, and whose due date (their sections' merged, else the
 * task's) is the one the reminder was for. Each date is claimed once, so a
 * student hears of its date once.
 */
export const taskDueSoon: EventHandler = async (event, tx) => {
  const payload = payloadOf(event);
  const candidates = rowsOf<{ user_id: string; course_id: string }>(
    await tx.execute(sql`SELECT e.user_id, t.course_id
      FROM learning_tasks t
      JOIN courses c ON c.id = t.course_id AND c.status = 'published'
      JOIN enrollments e ON e.course_id = c.id AND e.status = 'active'
      LEFT JOIN task_progress tp ON tp.task_id = t.id AND tp.user_id = e.user_id
      WHERE t.id = ${text(payload.taskId)}::uuid AND t.status = 'published'
        AND coalesce(${sectionOverrideField("dueAt", sql`t.id`, sql`e.user_id`)}, t.due_at) = ${text(payload.dueAt)}::timestamptz
        AND ${notFinished}
        AND NOT EXISTS (SELECT 1 FROM task_overrides o WHERE o.task_id = t.id AND o.user_id = e.user_id AND o.due_at IS NOT NULL)`),
  );
  const courseId = candidates[0]?.course_id;
  if (!courseId) return;
  const told = await releasedTo(tx, courseId, text(payload.taskId), candidates.map((row) => row.user_id));
  if (told.length === 0) return;
  await deliver(
    tx,
    event,
    sql`SELECT r.user_id, 'Due soon: ' || t.title AS title, 'Due ' || ${utcTime(sql`${text(payload.dueAt)}::timestamptz`)} || ' · ' || c.title AS message, ${taskPath} AS link
      FROM learning_tasks t
      JOIN courses c ON c.id = t.course_id
      CROSS JOIN unnest(${uuidArray(told)}) AS r(user_id)
      WHERE t.id = ${text(payload.taskId)}::uuid`,
  );
};

/**
 * A student's own due date within 24 hours: that student, as a "Due dates"
 * notification, while the override still has that date and the student is
 * active, has not finished and may open the task.
 */
export const overrideDueSoon: EventHandler = async (event, tx) => {
  const payload = payloadOf(event);
  const [candidate] = rowsOf<{ user_id: string; course_id: string; task_id: string }>(
    await tx.execute(sql`SELECT o.user_id, t.course_id, t.id AS task_id
      FROM task_overrides o
      JOIN learning_tasks t ON t.id = o.task_id AND t.status = 'published'
      JOIN courses c ON c.id = t.course_id AND c.status = 'published'
      JOIN enrollments e ON e.course_id = c.id AND e.user_id = o.user_id AND e.status = 'active'
      LEFT JOIN task_progress tp ON tp.task_id = t.id AND tp.user_id = o.user_id
      WHERE o.id = ${text(payload.overrideId)}::uuid AND o.due_at = ${text(payload.dueAt)}::timestamptz AND ${notFinished}`),
  );
  if (!candidate) return;
  const told = await releasedTo(tx, candidate.course_id, candidate.task_id, [candidate.user_id]);
  if (told.length === 0) return;
  await deliver(
    tx,
    { ...event, type: "task.due_soon" },
    sql`SELECT o.user_id, 'Due soon: ' || t.title AS title,
        'Due ' || ${utcTime(sql`o.due_at`)} || ' (your own due date) · ' || c.title AS message, ${taskPath} AS link
      FROM task_overrides o
      JOIN learning_tasks t ON t.id = o.task_id
      JOIN courses c ON c.id = t.course_id
      WHERE o.id = ${text(payload.overrideId)}::uuid`,
  );
};

/**
 * A teacher saved or removed a student's override (payload `userId`), or a
 * section's (payload `sectionId`: each of its members): the student reads
 * what applies now (due date, and for a quiz the time limit and attempts:
 * its own override, else its sections', else the task's), while enrolled in
 * the course and the task is published.
 */
export const deadlineChanged: EventHandler = (event, tx) => {
  const payload = payloadOf(event);
  const section = (field: "dueAt" | "timeLimitMinutes" | "attemptsAllowed") => sectionOverrideField(field, sql`t.id`, sql`e.user_id`);
  const due = sql`coalesce(o.due_at, ${section("dueAt")}, t.due_at)`;
  const limit = sql`coalesce(o.time_limit_minutes, ${section("timeLimitMinutes")}, q.time_limit_minutes)`;
  const attempts = sql`coalesce(o.attempts_allowed, ${section("attemptsAllowed")}, q.attempts_allowed)`;
  const bySection = typeof payload.sectionId === "string";
  const title = bySection
    ? sql`'Your section''s deadline changed: '`
    : sql`CASE WHEN o.id IS NULL THEN 'Your extension was removed: ' ELSE 'Your deadline changed: ' END`;
  const recipients = bySection
    ? sql`e.user_id IN (SELECT sm.user_id FROM section_members sm WHERE sm.section_id = ${text(payload.sectionId)}::uuid)`
    : sql`e.user_id = ${text(payload.userId)}::uuid`;
  return deliver(
    tx,
    event,
    sql`SELECT e.user_id,
        ${title} || t.title AS title,
        concat_ws(' · ',
          CASE WHEN ${due} IS NULL THEN 'No due date' ELSE 'Due ' || ${utcTime(due)} END,
          CASE WHEN t.type = 'quiz' AND ${limit} IS NOT NULL THEN ${limit} || ' min time limit' END,
          CASE WHEN t.type = 'quiz' THEN CASE WHEN ${attempts} IS NULL THEN 'unlimited attempts' WHEN ${attempts} = 1 THEN '1 attempt'
            ELSE ${attempts} || ' attempts' END END,
          c.title) AS message,
        ${taskPath} AS link
      FROM learning_tasks t
      JOIN courses c ON c.id = t.course_id AND c.status <> 'draft'
      JOIN enrollments e ON e.course_id = c.id AND ${recipients} AND e.status IN ('active', 'completed')
      LEFT JOIN quizzes q ON q.task_id = t.id
      LEFT JOIN task_overrides o ON o.task_id = t.id AND o.user_id = e.user_id
      WHERE t.id = ${text(payload.taskId)}::uuid AND t.status = 'published'`,
  );
};
