import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses, enrollments, learningTasks, quizAttempts, quizzes, submissions, taskOverrides, users } from "@/db/schema";
import type { userAction } from "@/lib/actions/action";
import { fail, missing } from "@/lib/actions/result";
import { lateness } from "@/lib/assignments/lateness";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { publish } from "@/lib/events/publish";
import { attemptDeadline } from "@/lib/quizzes/taking/deadline";
import { sectionOverrideColumns } from "@/lib/sections/section-overrides-sql";
import { limitsForStudent } from "@/lib/sections/section-overrides";
import type { TaskLimits, TaskOverrideValues } from "./effective-task";
import { removeOverrideSchema, saveOverrideSchema, type SaveOverrideValues } from "./override-schemas";

// Saving and removing a student's override, for the teacher's page (server
// actions) and the REST API alike. Each change is audited, tells the student,
// and brings what was already decided by the old date up to date: the
// lateness of the work handed in, and the deadline of an attempt in progress.

type Command<S extends z.ZodType, T> = Omit<Parameters<typeof userAction<S, T>>[0], "after">;
const command = <S extends z.ZodType, T>(config: Command<S, T>) => config;

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

/**
 * Brings the student's past decisions up to the new limits: each hand-in's
 * lateness against the new due date, and an attempt in progress to the new
 * time limit and due cap (never to a deadline already behind it: the attempt
 * then ends now). Two or three statements.
 */
async function applyLimits(tx: DbOrTx, task: OverrideTask, userId: string, limits: TaskLimits, now: Date): Promise<void> {
  if (task.type === "quiz") {
    const open = await tx
      .select({ id: quizAttempts.id, startedAt: quizAttempts.startedAt, deadlineAt: quizAttempts.deadlineAt })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.taskId, task.id), eq(quizAttempts.userId, userId), eq(quizAttempts.status, "in_progress")))
      .for("update");
    for (const attempt of open) {
      // An attempt already past its deadline is closed as it was, by the deadline it had.
      if (attempt.deadlineAt && attempt.deadlineAt.getTime() <= now.getTime()) continue;
      const deadline = attemptDeadline(attempt.startedAt, limits.timeLimitMinutes, limits.dueAt);
      const kept = deadline && deadline.getTime() < now.getTime() ? now : deadline;
      await tx.update(quizAttempts).set({ deadlineAt: kept, updatedAt: now }).where(eq(quizAttempts.id, attempt.id));
    }
    return;
  }
  const handedIn = await tx
    .select({ id: submissions.id, submittedAt: submissions.submittedAt, isLate: submissions.isLate, daysLate: submissions.daysLate })
    .from(submissions)
    .where(and(eq(submissions.taskId, task.id), eq(submissions.userId, userId)));
  const changed = handedIn
    .map((version) => ({ id: version.id, before: version, after: lateness(limits.dueAt, version.submittedAt) }))
    .filter(({ before, after }) => before.isLate !== after.isLate || before.daysLate !== after.daysLate);
  if (changed.length === 0) return;
  const values = sql.join(
    changed.map(({ id, after }) => sql`(${id}::uuid, ${after.isLate}::boolean, ${after.daysLate}::integer)`),
    sql`, `,
  );
  await tx.execute(sql`UPDATE submissions SET is_late = v.is_late, days_late = v.days_late
    FROM (VALUES ${values}) AS v(id, is_late, days_late) WHERE submissions.id = v.id`);
}

/** The student's sections' overrides of the task, merged (most lenient per field). One statement. */
async function sectionOverrideOf(tx: DbOrTx, taskId: string, userId: string): Promise<TaskOverrideValues> {
  const [row] = await tx.select(sectionOverrideColumns(learningTasks.id, userId)).from(learningTasks).where(eq(learningTasks.id, taskId));
  return row ?? { dueAt: null, timeLimitMinutes: null, attemptsAllowed: null };
}

const valuesOf = (override: TaskOverrideValues | null | undefined) =>
  override ? { dueAt: override.dueAt, timeLimitMinutes: override.timeLimitMinutes, attemptsAllowed: override.attemptsAllowed } : null;

const sameValues = (a: TaskOverrideValues | null, b: TaskOverrideValues | null) =>
  (a?.dueAt?.getTime() ?? null) === (b?.dueAt?.getTime() ?? null) &&
  (a?.timeLimitMinutes ?? null) === (b?.timeLimitMinutes ?? null) &&
  (a?.attemptsAllowed ?? null) === (b?.attemptsAllowed ?? null);

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
  if (task.type !== "quiz") {
    const errors: Record<string, string[]> = {};
    if (input.timeLimitMinutes !== null) errors.timeLimitMinutes = ["Only a quiz has a time limit: leave it empty."];
    if (input.attemptsAllowed !== null) errors.attemptsAllowed = ["Only a quiz has attempts: leave it empty."];
    if (Object.keys(errors).length > 0) fail("An assignment takes only a due date of its own.", errors);
  }
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
  // Like a task's, a new due date is in the future; an unchanged one may stay while the rest changes.
  const unchangedDue = existing?.dueAt && input.dueAt && existing.dueAt.getTime() === input.dueAt.getTime();
  if (input.dueAt && !unchangedDue && input.dueAt.getTime() <= now.getTime()) {
    fail("The due date must be in the future.", { dueAt: ["The due date must be in the future."] });
  }

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
    await publish(
      tx,
      { type: "task.deadline_changed", aggregateId: task.id, payload: { taskId: task.id, courseId: task.courseId, userId: input.userId } },
      actor.id,
    );
    await applyLimits(tx, task, input.userId, limitsForStudent(task.limits, values, await sectionOverrideOf(tx, task.id, input.userId)), now);
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
  await publish(
    tx,
    { type: "task.deadline_changed", aggregateId: task.id, payload: { taskId: task.id, courseId: task.courseId, userId: input.userId } },
    actor.id,
  );
  // Its sections' override, if any, applies now.
  await applyLimits(tx, task, input.userId, limitsForStudent(task.limits, null, await sectionOverrideOf(tx, task.id, input.userId)), now);
  return { taskId: task.id, userId: input.userId, courseId: task.courseId };
}

// The actions' configurations without their `after`: the action files add
// revalidation, and the tests run these very configurations through executeAction.

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
