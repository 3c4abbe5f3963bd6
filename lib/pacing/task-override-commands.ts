import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, learningTasks, quizzes, taskOverrides, users } from "@/db/schema";
import { fail, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { sectionOverrideColumns } from "@/lib/sections/section-overrides-sql";
import { limitsForStudent } from "@/lib/sections/section-overrides";
import type { TaskLimits, TaskOverrideValues } from "./effective-task";
import { removeOverrideSchema, saveOverrideSchema, type SaveOverrideValues } from "./override-schemas";
import { command } from "@/lib/actions/command";
import { announceDeadlineChange, applyLimits, refuseQuizOnlyFields, requireFutureDue, sameValues, valuesOf } from "./override-steps";

// Saving and removing a student's override, for the teacher's page (server
// actions) and the REST API alike. Each change is audited, tells the student,
// and brings what was already decided by the old date up to date: the
// lateness of the work handed in, and the deadline of an attempt in progress
// (the steps shared with a section's override are in override-steps.ts).

export const overrideTaskNotFoundMessage = "This quiz or assignment does not exist or you do not teach its course.";
export const overrideStudentMessage = "Choose a student enrolled in this course.";
export const overrideNotFoundMessage = "This student has no override on this quiz or assignment.";

export interface OverrideTask {
  id: string;
  type: "quiz" | "assignment" | "project" | "discussion";
  title: string;
  status: string;
  courseId: string;
  courseSlug: string;
  limits: TaskLimits;
}

/** The task with its own limits, when the actor may give its students overrides (its course's teacher or an admin); else null. One statement. */
export async function loadOverrideTask(db: DbOrTx, actor: Actor, taskId: string): Promise<OverrideTask | null> {
  const [row] = await db
    .select({
      id: learningTasks.id,
      type: learningTasks.type,
      title: learningTasks.title,
      status: learningTasks.status,
      dueAt: learningTasks.dueAt,
      timeLimitMinutes: quizzes.timeLimitMinutes,
      attemptsAllowed: quizzes.attemptsAllowed,
      courseId: courses.id,
      courseSlug: courses.slug,
      teacherId: courses.teacherId,
      courseStatus: courses.status,
      visibility: courses.visibility,
    })
    .from(learningTasks)
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .leftJoin(quizzes, eq(quizzes.taskId, learningTasks.id))
    .where(and(eq(learningTasks.id, taskId), taughtCourses(actor)));
  if (!row || !can(actor, "task.override", { teacherId: row.teacherId, status: row.courseStatus, visibility: row.visibility })) return null;
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    status: row.status,
    courseId: row.courseId,
    courseSlug: row.courseSlug,
    // Only a quiz has a time limit and attempts; an assignment is "unlimited" in both.
    limits: { dueAt: row.dueAt, timeLimitMinutes: row.type === "quiz" ? row.timeLimitMinutes : null, attemptsAllowed: row.type === "quiz" ? row.attemptsAllowed : null },
  };
}

export async function overridableTask(tx: DbOrTx, actor: Actor, taskId: string): Promise<OverrideTask> {
  const task = await loadOverrideTask(tx, actor, taskId);
  if (!task) missing(overrideTaskNotFoundMessage);
  if (task.type === "discussion") fail("Overrides are for quizzes and assignments.");
  return task;
}

/** The student's sections' overrides of the task, merged (most lenient per field). One statement. */
async function sectionOverrideOf(tx: DbOrTx, taskId: string, userId: string): Promise<TaskOverrideValues> {
  const [row] = await tx.select(sectionOverrideColumns(learningTasks.id, userId)).from(learningTasks).where(eq(learningTasks.id, taskId));
  return row ?? { dueAt: null, timeLimitMinutes: null, attemptsAllowed: null };
}

/** Brings the student's past decisions up to the limits that now apply to them: their own override (`own`), else their sections', else the task's. */
async function applyLimitsOf(tx: DbOrTx, task: OverrideTask, userId: string, own: TaskOverrideValues | null, now: Date): Promise<void> {
  const limits = limitsForStudent(task.limits, own, await sectionOverrideOf(tx, task.id, userId));
  await applyLimits(tx, task, new Map([[userId, limits]]), now);
}

export interface SavedOverride {
  id: string;
  taskId: string;
  userId: string;
  courseId: string;
  dueAt: Date | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  /** False when an override was already stored for this student (now updated). */
  created: boolean;
}

/** Creates or replaces one enrolled student's override of a quiz or assignment. */
export async function saveTaskOverride(tx: DbOrTx, actor: Actor, input: SaveOverrideValues, now: Date = new Date()): Promise<SavedOverride> {
  const task = await overridableTask(tx, actor, input.taskId);
  refuseQuizOnlyFields(task, input);
  const [student] = await tx
    .select({ id: users.id })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(
      and(
        eq(enrollments.courseId, task.courseId),
        eq(enrollments.userId, input.userId),
        inArray(enrollments.status, ["active", "completed"]),
        eq(users.role, "student"),
      ),
    );
  if (!student) fail(overrideStudentMessage, { userId: [overrideStudentMessage] });

  const [existing] = await tx
    .select()
    .from(taskOverrides)
    .where(and(eq(taskOverrides.taskId, task.id), eq(taskOverrides.userId, input.userId)))
    .for("update");
  requireFutureDue(existing?.dueAt, input.dueAt, now);

  const values = { dueAt: input.dueAt, timeLimitMinutes: input.timeLimitMinutes, attemptsAllowed: input.attemptsAllowed };
  const [saved] = await tx
    .insert(taskOverrides)
    .values({ taskId: task.id, userId: input.userId, ...values, createdById: actor.id })
    .onConflictDoUpdate({ target: [taskOverrides.taskId, taskOverrides.userId], set: { ...values, updatedAt: now } })
    .returning({ id: taskOverrides.id });
  const overrideId = saved!.id;

  const before = valuesOf(existing);
  if (!sameValues(before, values)) {
    await recordAudit(tx, {
      actorId: actor.id,
      action: "task.override_saved",
      entityType: "learning_task",
      entityId: task.id,
      before: before && { userId: input.userId, ...before },
      after: { userId: input.userId, ...values },
    });
    await announceDeadlineChange(tx, actor, task, { userId: input.userId });
    await applyLimitsOf(tx, task, input.userId, values, now);
  }
  return { id: overrideId, taskId: task.id, userId: input.userId, courseId: task.courseId, ...values, created: !existing };
}

export interface RemovedOverride {
  taskId: string;
  userId: string;
  courseId: string;
}

/** Removes a student's override: the task's own due date, time limit and attempts apply again. */
export async function removeTaskOverride(
  tx: DbOrTx,
  actor: Actor,
  input: { taskId: string; userId: string },
  now: Date = new Date(),
): Promise<RemovedOverride> {
  const task = await overridableTask(tx, actor, input.taskId);
  const [removed] = await tx
    .delete(taskOverrides)
    .where(and(eq(taskOverrides.taskId, task.id), eq(taskOverrides.userId, input.userId)))
    .returning();
  if (!removed) missing(overrideNotFoundMessage);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "task.override_removed",
    entityType: "learning_task",
    entityId: task.id,
    before: { userId: input.userId, ...valuesOf(removed) },
  });
  await announceDeadlineChange(tx, actor, task, { userId: input.userId });
  // Its sections' override, if any, applies now.
  await applyLimitsOf(tx, task, input.userId, null, now);
  return { taskId: task.id, userId: input.userId, courseId: task.courseId };
}

export const saveOverride = command({
  name: "task.override_save",
  schema: saveOverrideSchema,
  authorize: async (user, input, tx) => Boolean(await overridableTask(tx, user, input.taskId)),
  run: (input, { user, tx }) => saveTaskOverride(tx, user, input),
});

export const removeOverride = command({
  name: "task.override_remove",
  schema: removeOverrideSchema,
  authorize: async (user, input, tx) => Boolean(await overridableTask(tx, user, input.taskId)),
  run: (input, { user, tx }) => removeTaskOverride(tx, user, input),
});
