import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { sectionTaskOverrides } from "@/db/schema";

// The student's sections' overrides of a task, merged as SQL (the most
// lenient value of each field: max of the due dates, time limits, attempts),
// for the queries that already join the student's own override: each field is
// a correlated subquery, so a loader keeps its statement count. The order of
// precedence is lib/sections/section-overrides.ts's. No "server-only": the
// worker's reminders use it too.

type Ref = AnyColumn | SQL;
const asRef = (value: Ref | string): Ref => (typeof value === "string" ? sql`${value}::uuid` : value);

type Field = "dueAt" | "timeLimitMinutes" | "attemptsAllowed";

const columnOf: Record<Field, SQL> = {
  dueAt: sql.raw("sto_x.due_at"),
  timeLimitMinutes: sql.raw("sto_x.time_limit_minutes"),
  attemptsAllowed: sql.raw("sto_x.attempts_allowed"),
};

/** The merged section value of one field for (task, student), or null when none of its sections sets it. */
export function sectionOverrideField(field: Field, taskId: Ref | string, userId: Ref | string): SQL {
  // Aliased: drizzle may print columns unqualified, which a correlated subquery cannot tell apart.
  return sql`(SELECT max(${columnOf[field]}) FROM section_task_overrides sto_x
    INNER JOIN section_members sm_x ON sm_x.section_id = sto_x.section_id
    WHERE sto_x.task_id = ${asRef(taskId)} AND sm_x.user_id = ${asRef(userId)})`;
}

/** The section due date for (task, student), read as a Date. */
export const sectionDueAt = (taskId: Ref | string, userId: Ref | string) =>
  sectionOverrideField("dueAt", taskId, userId).mapWith(sectionTaskOverrides.dueAt) as SQL<Date | null>;

/** The three merged section fields, typed, for a select list. */
export function sectionOverrideColumns(taskId: Ref | string, userId: Ref | string) {
  return {
    dueAt: sectionDueAt(taskId, userId),
    timeLimitMinutes: sectionOverrideField("timeLimitMinutes", taskId, userId).mapWith(Number) as SQL<number | null>,
    attemptsAllowed: sectionOverrideField("attemptsAllowed", taskId, userId).mapWith(Number) as SQL<number | null>,
  };
}

/**
 * The due date that applies to the student: its own override's, else its
 * sections', else the task's. `ownDueAt` is the joined task_overrides column
 * (null when it has none) and `taskDueAt` the task's.
 */
export function effectiveDueAtSql(ownDueAt: Ref, taskId: Ref | string, userId: Ref | string, taskDueAt: Ref): SQL {
  return sql`coalesce(${ownDueAt}, ${sectionOverrideField("dueAt", taskId, userId)}, ${taskDueAt})`;
}

/** Whether the due date is not the task's: the student's own or a section's. */
export function dueAtOverriddenSql(ownDueAt: Ref, taskId: Ref | string, userId: Ref | string): SQL<boolean> {
  return sql<boolean>`(${ownDueAt} IS NOT NULL OR ${sectionOverrideField("dueAt", taskId, userId)} IS NOT NULL)`;
}
