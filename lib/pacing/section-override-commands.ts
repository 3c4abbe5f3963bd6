import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseSections, sectionMembers, sectionTaskOverrides, taskOverrides } from "@/db/schema";
import { fail, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { sectionOverrideColumns } from "@/lib/sections/section-overrides-sql";
import { limitsForStudent } from "@/lib/sections/section-overrides";
import type { TaskLimits, TaskOverrideValues } from "./effective-task";
import { removeSectionOverrideSchema, saveSectionOverrideSchema, type SaveSectionOverrideValues } from "./section-override-schemas";
import { command } from "@/lib/actions/command";
import { announceDeadlineChange, applyLimits, refuseQuizOnlyFields, requireFutureDue, sameValues, valuesOf } from "./override-steps";
import { overridableTask, type OverrideTask } from "./task-override-commands";

// Saving and removing a section's own due date, time limit or attempts on a
// quiz or assignment, for the teacher's page and the REST API alike. Like a
// student's override, each change is audited, tells the section's students
// (through the worker) and brings what was already decided up to date for
// every member whose limits it moves: the lateness of work handed in and the
// deadline of an attempt in progress, in a fixed number of statements (the
// steps shared with a student's override are in override-steps.ts).

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
  const limits = new Map<string, TaskLimits>(
    members.map((member) => [member.userId, limitsForStudent(task.limits, member.own as TaskOverrideValues | null, member.section)]),
  );
  await applyLimits(tx, task, limits, now);
}

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
  refuseQuizOnlyFields(task, input);
  const section = await sectionOfCourse(tx, task.courseId, input.sectionId);
  const [existing] = await tx
    .select()
    .from(sectionTaskOverrides)
    .where(and(eq(sectionTaskOverrides.taskId, task.id), eq(sectionTaskOverrides.sectionId, section.id)))
    .for("update");
  requireFutureDue(existing?.dueAt, input.dueAt, now);

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
    await announceDeadlineChange(tx, actor, task, { sectionId: section.id });
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
  await announceDeadlineChange(tx, actor, task, { sectionId: input.sectionId });
  await applySectionLimits(tx, task, input.sectionId, now);
  return { taskId: task.id, sectionId: input.sectionId, courseId: task.courseId };
}

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
