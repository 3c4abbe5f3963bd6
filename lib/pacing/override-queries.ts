import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { enrollments, taskOverrides, users } from "@/db/schema";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/policy";
import { personName } from "@/lib/users/person-search";
import { loadOverrideTask, type OverrideTask } from "./task-override-commands";

// What the teacher's "Extensions and overrides" page and the API list read:
// a task's overrides with their students, for its course's teacher or an admin.

export interface OverrideRow {
  id: string;
  student: { id: string; name: string };
  dueAt: Date | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  createdAt: Date;
  updatedAt: Date;
}

const rowColumns = {
  id: taskOverrides.id,
  studentId: users.id,
  studentName: personName,
  dueAt: taskOverrides.dueAt,
  timeLimitMinutes: taskOverrides.timeLimitMinutes,
  attemptsAllowed: taskOverrides.attemptsAllowed,
  createdAt: taskOverrides.createdAt,
  updatedAt: taskOverrides.updatedAt,
};

const toRow = ({ studentId, studentName, ...row }: { studentId: string; studentName: string } & Omit<OverrideRow, "student">): OverrideRow => ({
  ...row,
  student: { id: studentId, name: studentName },
});

export interface OverridesPage {
  task: OverrideTask;
  overrides: OverrideRow[];
  /** The course's enrolled students (active or finished), by name: whom an override may be for. */
  students: { id: string; name: string }[];
  /** The teacher's chosen time zone, or null for the browser's. */
  timeZone: string | null;
}

/** The page of one quiz or assignment of a course; null reads as not found. Four statements. */
export async function loadOverridesPage(db: DbOrTx, actor: Actor, courseId: string, taskId: string): Promise<OverridesPage | null> {
  const task = await loadOverrideTask(db, actor, taskId);
  if (!task || task.courseId !== courseId || task.type === "discussion") return null;
  const overrides = await db
    .select(rowColumns)
    .from(taskOverrides)
    .innerJoin(users, eq(users.id, taskOverrides.userId))
    .where(eq(taskOverrides.taskId, task.id))
    .orderBy(asc(personName), asc(users.id));
  const students = await db
    .select({ id: users.id, name: personName })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(eq(enrollments.courseId, courseId), inArray(enrollments.status, ["active", "completed"]), eq(users.role, "student")))
    .orderBy(asc(personName), asc(users.id));
  const [own] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, actor.id));
  return { task, overrides: overrides.map(toRow), students, timeZone: own?.timeZone ?? null };
}

const overrideKeys: SortKey[] = [
  { expr: personName, direction: "asc", cast: "text" },
  { expr: users.id, direction: "asc", cast: "uuid" },
];

/** One keyset page of a task's overrides, by student name; null when the task is not the actor's to override. Two statements. */
export async function listTaskOverridesAfter(db: DbOrTx, actor: Actor, taskId: string, params: { cursor?: string; limit: number }) {
  const task = await loadOverrideTask(db, actor, taskId);
  if (!task) return null;
  const rows = await db
    .select({ ...rowColumns, cursor: cursorColumn(overrideKeys) })
    .from(taskOverrides)
    .innerJoin(users, eq(users.id, taskOverrides.userId))
    .where(and(eq(taskOverrides.taskId, task.id), afterCursor(overrideKeys, params.cursor)))
    .orderBy(...orderByKeys(overrideKeys))
    .limit(params.limit + 1);
  return rows.map(({ cursor, ...row }) => ({ ...toRow(row), cursor }));
}

/** One student's override of a task, with its student, for the API's answer after a save. One statement. */
export async function loadOverrideRow(db: DbOrTx, overrideId: string): Promise<OverrideRow | null> {
  const [row] = await db.select(rowColumns).from(taskOverrides).innerJoin(users, eq(users.id, taskOverrides.userId)).where(eq(taskOverrides.id, overrideId));
  return row ? toRow(row) : null;
}
