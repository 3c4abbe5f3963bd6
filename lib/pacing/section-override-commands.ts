import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { courseSections, quizAttempts, sectionMembers, sectionTaskOverrides, submissions, taskOverrides } from "@/db/schema";
import type { userAction } from "@/lib/actions/action";
import { fail, missing } from "@/lib/actions/result";
import { lateness } from "@/lib/assignments/lateness";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { publish } from "@/lib/events/publish";
import { attemptDeadline } from "@/lib/quizzes/taking/deadline";
import { sectionOverrideColumns } from "@/lib/sections/section-overrides-sql";
import { limitsForStudent } from "@/lib/sections/section-overrides";
import type { TaskLimits, TaskOverrideValues } from "./effective-task";
import { removeSectionOverrideSchema, saveSectionOverrideSchema, type SaveSectionOverrideValues } from "./section-override-schemas";
import { overridableTask, type OverrideTask } from "./task-override-commands";

// Saving and removing a section's own due date, time limit or attempts on a
// quiz or assignment, for the teacher's page and the REST API alike. Like a
// student's override, each change is audited, tells the section's students
// (through the worker) and brings what was already decided up to date for
// every member whose limits it moves: the lateness of work handed in and the
// deadline of an attempt in progress, in a fixed number of statements.

type Command<S extends z.ZodType, T> = Omit<Parameters<typeof userAction<S, T>>[0], "after">;
const command = <S extends z.ZodType, T>(config: Command<S, T>) => config;

export const overrideSectionMessage = "Choose a section of this course.";
export const sectionOverrideNotFoundMessage = "This section has no override on this quiz or assignment.";

/** The section when it belongs to the task's course; else fails next to the field. One statement. */
async function sectionOfCourse(tx: DbOrTx, courseId: string, sectionId: string): Promise<{ id: string; name: string }> {
  const [section] = await tx
    .select({ id: courseSections.id, name: courseSections.name })
    .from(courseSections)
    .where(and(eq(courseSections.id, sectionId), eq(courseSections.courseId, courseId)));
  if (!section) fail(overrideSectionMessage, { sectionId: [overrideSectionMessage] });
  return section;
}

/**
 * Re-decides, for every member of the section, what its limits decided
 * before: each hand-in's lateness against the due date that now applies to
 * it (its own override, else its sections', else the task's), and the
 * deadline of an attempt in progress. Three statements at most, however many
 * members.
 */
async function applySectionLimits(tx: DbOrTx, task: OverrideTask, sectionId: string, now: Date): Promise<void> {
  const members = await tx
    .select({
      userId: sectionMembers.userId,
      own: { id: taskOverrides.id, dueAt: taskOverrides.dueAt, timeLimitMinutes: taskOverrides.timeLimitMinutes, attemptsAllowed: taskOverrides.attemptsAllowed },
      section: sectionOverrideColumns(task.id, sectionMembers.userId),
    })
    .from(sectionMembers)
    .leftJoin(taskOverrides, and(eq(taskOverrides.taskId, task.id), eq(taskOverrides.userId, sectionMembers.userId)))
    .where(eq(sectionMembers.sectionId, sectionId));
  if (members.length === 0) return;
  const limits = new Map<string, TaskLimits>(
    members.map((member) => [member.userId, limitsForStudent(task.limits, member.own as TaskOverrideValues | null, member.section)]),
  );
  const userIds = [...limits.keys()];

  if (task.type === "quiz") {
    const open = await tx
      .select({ id: quizAttempts.id, userId: quizAttempts.userId, startedAt: quizAttempts.startedAt, deadlineAt: quizAttempts.deadlineAt })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.taskId, task.id), inArray(quizAttempts.userId, userIds), eq(quizAttempts.status, "in_progress")))
      .for("update");
    const changed = open.flatMap((attempt) => {
      // An attempt already past its deadline is closed as it was, by the deadline it had.
      if (attempt.deadlineAt && attempt.deadlineAt.getTime() <= now.getTime()) return [];
      const own = limits.get(attempt.userId)!;
      const deadline = attemptDeadline(attempt.startedAt, own.timeLimitMinutes, own.dueAt);
      const kept = deadline && deadline.getTime() < now.getTime() ? now : deadline;
      return (kept?.getTime() ?? null) === (attempt.deadlineAt?.getTime() ?? null) ? [] : [{ id: attempt.id, deadlineAt: kept }];
    });
    if (changed.length === 0) return;
    const values = sql.join(
      changed.map(({ id, deadlineAt }) => sql`(${id}::uuid, ${deadlineAt ? deadlineAt.toISOString() : null}::timestamptz)`),
      sql`, `,
    );
    await tx.execute(sql`UPDATE quiz_attempts SET deadline_at = v.deadline_at, updated_at = ${now.toISOString()}::timestamptz
      FROM (VALUES ${values}) AS v(id, deadline_at) WHERE quiz_attempts.id = v.id`);
    return;
  }

  const handedIn = await tx
    .select({ id: submissions.id, userId: submissions.userId, submittedAt: submissions.submittedAt, isLate: submissions.isLate, daysLate: submissions.daysLate })
    .from(submissions)
    .where(and(eq(submissions.taskId, task.id), inArray(submissions.userId, userIds)));
  const changed = handedIn
    .map((version) => ({ id: version.id, before: version, after: lateness(limits.get(version.userId)!.dueAt, version.submittedAt) }))
    .filter(({ before, after }) => before.isLate !== after.isLate || before.daysLate !== after.daysLate);
  if (changed.length === 0) return;
  const values = sql.join(
    changed.map(({ id, after }) => sql`(${id}::uuid, ${after.isLate}::boolean, ${after.daysLate}::integer)`),
    sql`, `,
  );
  await tx.execute(sql`UPDATE submissions SET is_late = v.is_late, days_late = v.days_late
    FROM (VALUES ${values}) AS v(id, is_late, days_late) WHERE submissions.id = v.id`);
}

const valuesOf = (row: TaskOverrideValues | null | undefined): TaskOverrideValues | null =>
  row ? { dueAt: row.dueAt, timeLimitMinutes: row.timeLimitMinutes, attemptsAllowed: row.attemptsAllowed } : null;

const sameValues = (a: TaskOverrideValues | null, b: TaskOverrideValues | null) =>
  (a?.dueAt?.getTime() ?? null) === (b?.dueAt?.getTime() ?? null) &&
  (a?.timeLimitMinutes ?? null) === (b?.timeLimitMinutes ?? null) &&
  (a?.attemptsAllowed ?? null) === (b?.attemptsAllowed ?? null);

const tellSection = (tx: DbOrTx, actor: Actor, task: OverrideTask, sectionId: string) =>
  publish(
    tx,
    { type: "task.deadline_changed", aggregateId: task.id, payload: { taskId: task.id, courseId: task.courseId, sectionId } },
    actor.id,
  );

export interface SavedSectionOverride extends TaskOverrideValues {
  id: string;
  taskId: string;
  sectionId: string;
  courseId: string;
  /** False when the section had an override already (now replaced). */
  created: boolean;
}

/** Creates or replaces one section's override of a quiz or assignment. */
export async function saveSectionOverride(
  tx: DbOrTx,
  actor: Actor,
  input: SaveSectionOverrideValues,
  now: Date = new Date(),
): Promise<SavedSectionOverride> {
  const task = await overridableTask(tx, actor, input.taskId);
  if (task.type !== "quiz") {
    const errors: Record<string, string[]> = {};
    if (input.timeLimitMinutes !== null) errors.timeLimitMinutes = ["Only a quiz has a time limit: leave it empty."];
    if (input.attemptsAllowed !== null) errors.attemptsAllowed = ["Only a quiz has attempts: leave it empty."];
    if (Object.keys(errors).length > 0) fail("An assignment takes only a due date of its own.", errors);
  }
  const section = await sectionOfCourse(tx, task.courseId, input.sectionId);
  const [existing] = await tx
    .select()
    .from(sectionTaskOverrides)
    .where(and(eq(sectionTaskOverrides.taskId, task.id), eq(sectionTaskOverrides.sectionId, section.id)))
    .for("update");
  // Like a task's, a new due date is in the future; an unchanged one may stay while the rest changes.
  const unchangedDue = existing?.dueAt && input.dueAt && existing.dueAt.getTime() === input.dueAt.getTime();
  if (input.dueAt && !unchangedDue && input.dueAt.getTime() <= now.getTime()) {
    fail("The due date must be in the future.", { dueAt: ["The due date must be in the future."] });
  }

  const values = { dueAt: input.dueAt, timeLimitMinutes: input.timeLimitMinutes, attemptsAllowed: input.attemptsAllowed };
  const [saved] = await tx
    .insert(sectionTaskOverrides)
    .values({ taskId: task.id, sectionId: section.id, ...values, createdById: actor.id })
    .onConflictDoUpdate({ target: [sectionTaskOverrides.taskId, sectionTaskOverrides.sectionId], set: { ...values, updatedAt: now } })
    .returning({ id: sectionTaskOverrides.id });

  const before = valuesOf(existing);
  if (!sameValues(before, values)) {
    await recordAudit(tx, {
      actorId: actor.id,
      action: "task.section_override_saved",
      entityType: "learning_task",
      entityId: task.id,
      before: before && { sectionId: section.id, sectionName: section.name, ...before },
      after: { sectionId: section.id, sectionName: section.name, ...values },
    });
    await tellSection(tx, actor, task, section.id);
    await applySectionLimits(tx, task, section.id, now);
  }
  return { id: saved!.id, taskId: task.id, sectionId: section.id, courseId: task.courseId, ...values, created: !existing };
}

export interface RemovedSectionOverride {
  taskId: string;
  sectionId: string;
  courseId: string;
}

/** Removes a section's override: its students follow their own override, their other sections' or the task's again. */
export async function removeSectionOverride(
  tx: DbOrTx,
  actor: Actor,
  input: { taskId: string; sectionId: string },
  now: Date = new Date(),
): Promise<RemovedSectionOverride> {
  const task = await overridableTask(tx, actor, input.taskId);
  const [removed] = await tx
    .delete(sectionTaskOverrides)
    .where(and(eq(sectionTaskOverrides.taskId, task.id), eq(sectionTaskOverrides.sectionId, input.sectionId)))
    .returning();
  if (!removed) missing(sectionOverrideNotFoundMessage);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "task.section_override_removed",
    entityType: "learning_task",
    entityId: task.id,
    before: { sectionId: input.sectionId, ...valuesOf(removed) },
  });
  await tellSection(tx, actor, task, input.sectionId);
  await applySectionLimits(tx, task, input.sectionId, now);
  return { taskId: task.id, sectionId: input.sectionId, courseId: task.courseId };
}

// The actions' configurations without their `after` (revalidation), which
// the tests run through executeAction.

export const saveSectionOverrideCommand = command({
  name: "task.section_override_save",
  schema: saveSectionOverrideSchema,
  authorize: async (user, input, tx) => Boolean(await overridableTask(tx, user, input.taskId)),
  run: (input, { user, tx }) => saveSectionOverride(tx, user, input),
});

export const removeSectionOverrideCommand = command({
  name: "task.section_override_remove",
  schema: removeSectionOverrideSchema,
  authorize: async (user, input, tx) => Boolean(await overridableTask(tx, user, input.taskId)),
  run: (input, { user, tx }) => removeSectionOverride(tx, user, input),
});
