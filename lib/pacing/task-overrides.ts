// Loads students' overrides (own due date, time limit, attempts) in one
// statement, for one student across tasks or for one task across students.
// No "server-only": the worker's reminders read them too.
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { taskOverrides } from "@/db/schema";
import { mergeStudentOverride } from "@/lib/sections/section-overrides";
import { effectiveLimits, type TaskLimits, type TaskOverrideValues } from "./effective-task";

export interface StoredOverride extends TaskOverrideValues {
  id: string;
  taskId: string;
  userId: string;
}

const overrideColumns = {
  id: taskOverrides.id,
  taskId: taskOverrides.taskId,
  userId: taskOverrides.userId,
  dueAt: taskOverrides.dueAt,
  timeLimitMinutes: taskOverrides.timeLimitMinutes,
  attemptsAllowed: taskOverrides.attemptsAllowed,
};

/** One student's overrides of these tasks, by task id. One statement (none for no tasks). */
export async function loadOverridesOfStudent(db: DbOrTx, taskIds: readonly string[], userId: string): Promise<Map<string, StoredOverride>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .select(overrideColumns)
    .from(taskOverrides)
    .where(and(eq(taskOverrides.userId, userId), inArray(taskOverrides.taskId, [...new Set(taskIds)])));
  return new Map(rows.map((row) => [row.taskId, row]));
}

/** One task's overrides, by student id: of these students, or of every student when none are named. One statement. */
export async function loadOverridesOfTask(db: DbOrTx, taskId: string, userIds?: readonly string[]): Promise<Map<string, StoredOverride>> {
  if (userIds && userIds.length === 0) return new Map();
  const rows = await db
    .select(overrideColumns)
    .from(taskOverrides)
    .where(and(eq(taskOverrides.taskId, taskId), userIds ? inArray(taskOverrides.userId, [...new Set(userIds)]) : undefined));
  return new Map(rows.map((row) => [row.userId, row]));
}

export interface StudentLimits extends TaskLimits {
  /** True when the student's own due date replaces the task's. */
  dueAtOverridden: boolean;
  timeLimitOverridden: boolean;
  attemptsOverridden: boolean;
}

/**
 * The task's limits for one student, saying which of them are not the task's:
 * its own override's, else its sections' (merged, see lib/sections/section-overrides.ts).
 */
export function studentLimits(
  task: TaskLimits,
  override: TaskOverrideValues | null | undefined,
  sectionOverride?: TaskOverrideValues | null,
): StudentLimits {
  const merged = mergeStudentOverride(override, sectionOverride);
  const limits = effectiveLimits(task, merged);
  return {
    ...limits,
    dueAtOverridden: Boolean(merged?.dueAt),
    timeLimitOverridden: merged?.timeLimitMinutes != null,
    attemptsOverridden: merged?.attemptsAllowed != null,
  };
}
