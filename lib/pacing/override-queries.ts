import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { enrollments, taskOverrides, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { personName } from "@/lib/users/person-search";
import { overrideReads, type OverrideRowOf } from "./override-rows";
import { loadOverrideTask, type OverrideTask } from "./task-override-commands";

// What the teacher's "Extensions and overrides" page and the API list read:
// a task's overrides with their students, for its course's teacher or an admin.

export type OverrideRow = OverrideRowOf<"student">;

const reads = overrideReads("student", {
  table: taskOverrides,
  target: users,
  joinOn: eq(users.id, taskOverrides.userId),
  targetId: users.id,
  targetName: personName,
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
  const overrides = await reads.ofTask(db, task.id);
  const students = await db
    .select({ id: users.id, name: personName })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(eq(enrollments.courseId, courseId), inArray(enrollments.status, ["active", "completed"]), eq(users.role, "student")))
    .orderBy(asc(personName), asc(users.id));
  const [own] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, actor.id));
  return { task, overrides, students, timeZone: own?.timeZone ?? null };
}

/** One keyset page of a task's overrides, by student name; null when the task is not the actor's to override. Two statements. */
export const listTaskOverridesAfter = reads.after;

/** One student's override of a task, with its student, for the API's answer after a save. One statement. */
export const loadOverrideRow = reads.byId;
