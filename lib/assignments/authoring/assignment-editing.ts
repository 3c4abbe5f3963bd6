import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { assignments, learningTasks, submissions } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor } from "@/lib/auth/policy";
import { lockTaughtCourse, markCourseEdited, requireCourseModule } from "@/lib/authoring/course-access";
import { nextTaskPosition, renumberModuleTasks } from "@/lib/authoring/task-positions";
import { publish } from "@/lib/events/publish";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import type {
  assignmentTaskSchema,
  createAssignmentSchema,
  moveAssignmentSchema,
  publishAssignmentSchema,
  updateAssignmentSchema,
} from "./schemas";

export const assignmentCourseNotFoundMessage = "This course does not exist or you do not teach it.";
export const assignmentModuleNotFoundMessage = "This module is no longer in the course. Reload the page.";
export const assignmentNotFoundInCourseMessage = "This assignment is no longer in the course. Reload the page.";

/** Locks the course (the same lock every structure edit takes) when the actor may manage its assignments; else not found. */
const lockAssignmentCourse = (tx: DbOrTx, actor: Actor, courseId: string) =>
  lockTaughtCourse(tx, actor, courseId, { action: "assignment.manage", notFoundMessage: assignmentCourseNotFoundMessage });

/** The `authorize` step of every assignment-editing action. */
export async function authorizeAssignmentManage(actor: Actor, input: { courseId: string }, tx: DbOrTx): Promise<boolean> {
  await lockAssignmentCourse(tx, actor, input.courseId);
  return true;
}

async function findCourseAssignment(tx: DbOrTx, courseId: string, taskId: string) {
  const [row] = await tx
    .select({ task: learningTasks, assignment: assignments })
    .from(learningTasks)
    .innerJoin(assignments, eq(assignments.taskId, learningTasks.id))
    .where(and(eq(learningTasks.id, taskId), eq(learningTasks.courseId, courseId), inArray(learningTasks.type, ["assignment", "project"])));
  if (!row) fail(assignmentNotFoundInCourseMessage);
  return row;
}

const settingsOf = (input: z.output<typeof createAssignmentSchema> | z.output<typeof updateAssignmentSchema>) => ({
  instructions: input.instructions,
  allowedFileTypes: input.maxFiles > 0 ? input.allowedFileTypes : [],
  maxFiles: input.maxFiles,
  maxFileSizeMb: input.maxFileSizeMb,
  textEntry: input.textEntry,
  acceptLate: input.acceptLate,
  latePenaltyType: input.acceptLate ? input.latePenaltyType : ("none" as const),
  latePenaltyPercent: input.acceptLate && input.latePenaltyType !== "none" ? input.latePenaltyPercent : 0,
});

/** A draft assignment (or project) at the end of a module: its task row and its settings row together. */
export async function createAssignment(tx: DbOrTx, actor: Actor, input: z.output<typeof createAssignmentSchema>) {
  const course = await lockAssignmentCourse(tx, actor, input.courseId);
  const moduleId = await requireCourseModule(tx, course.id, input.moduleId, assignmentModuleNotFoundMessage);
  const [task] = await tx
    .insert(learningTasks)
    .values({
      courseId: course.id,
      moduleId,
      type: input.type,
      title: input.title,
      status: "draft",
      dueAt: input.dueAt,
      maxPoints: input.maxPoints,
      position: nextTaskPosition(moduleId),
    })
    .returning({ id: learningTasks.id });
  await tx.insert(assignments).values({ taskId: task!.id, ...settingsOf(input) });
  await recordAudit(tx, { actorId: actor.id, action: "assignment.created", entityType: "learning_task", entityId: task!.id, after: { title: input.title, courseId: course.id } });
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: task!.id };
}

/**
 * Changes an assignment's settings. A due date may stay in the past when it
 * is not changed; a new one must be in the future. The points cannot drop
 * below a grade already given.
 */
export async function updateAssignment(tx: DbOrTx, actor: Actor, input: z.output<typeof updateAssignmentSchema>, now = new Date()) {
  const course = await lockAssignmentCourse(tx, actor, input.courseId);
  const { task, assignment } = await findCourseAssignment(tx, course.id, input.taskId);
  const dueChanged = (task.dueAt?.getTime() ?? null) !== (input.dueAt?.getTime() ?? null);
  if (dueChanged && input.dueAt && input.dueAt.getTime() <= now.getTime()) {
    fail("The due date must be in the future.", { dueAt: ["The due date must be in the future."] });
  }
  const [highest] = await tx
    .select({ points: sql<number | null>`max(${submissions.rawPoints})`.mapWith(Number) })
    .from(submissions)
    .where(and(eq(submissions.taskId, task.id), inArray(submissions.gradeStatus, ["draft", "released"])));
  if (highest?.points !== null && highest?.points !== undefined && !Number.isNaN(highest.points) && input.maxPoints < highest.points) {
    fail(`A grade of ${highest.points} points has been given: the maximum cannot go below it.`, {
      maxPoints: [`Enter at least ${highest.points} points.`],
    });
  }
  await tx
    .update(learningTasks)
    .set({ type: input.type, title: input.title, dueAt: input.dueAt, maxPoints: input.maxPoints, updatedAt: now })
    .where(eq(learningTasks.id, task.id));
  const settings = settingsOf(input);
  await tx.update(assignments).set({ ...settings, updatedAt: now }).where(eq(assignments.taskId, task.id));
  await recordAudit(tx, {
    actorId: actor.id,
    action: "assignment.updated",
    entityType: "learning_task",
    entityId: task.id,
    before: { title: task.title, dueAt: task.dueAt, maxPoints: task.maxPoints, ...pickSettings(assignment) },
    after: { title: input.title, dueAt: input.dueAt, maxPoints: input.maxPoints, ...settings },
  });
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: task.id };
}

const pickSettings = (assignment: typeof assignments.$inferSelect) => ({
  instructions: assignment.instructions,
  allowedFileTypes: assignment.allowedFileTypes,
  maxFiles: assignment.maxFiles,
  maxFileSizeMb: assignment.maxFileSizeMb,
  textEntry: assignment.textEntry,
  acceptLate: assignment.acceptLate,
  latePenaltyType: assignment.latePenaltyType,
  latePenaltyPercent: assignment.latePenaltyPercent,
});

/**
 * Publishes a draft (or takes it back to draft). A published assignment is a
 * required item of the course, so progress is recomputed either way; in a
 * published course the students hear of it through `task.published`.
 */
export async function setAssignmentPublished(tx: DbOrTx, actor: Actor, input: z.output<typeof publishAssignmentSchema>) {
  const course = await lockAssignmentCourse(tx, actor, input.courseId);
  const { task } = await findCourseAssignment(tx, course.id, input.taskId);
  const status = input.publish ? "published" : "draft";
  if (task.status !== status) {
    await tx.update(learningTasks).set({ status, updatedAt: new Date() }).where(eq(learningTasks.id, task.id));
    await recomputeProgress(tx, { courseId: course.id });
    if (input.publish && course.status === "published") {
      await publish(tx, { type: "task.published", aggregateId: task.id, payload: { taskId: task.id, courseId: course.id, taskType: task.type } }, actor.id);
    }
    await recordAudit(tx, { actorId: actor.id, action: input.publish ? "assignment.published" : "assignment.unpublished", entityType: "learning_task", entityId: task.id });
  }
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: task.id, status };
}

/** Deletes an assignment nobody has handed anything in for; work once handed in is never thrown away. */
export async function deleteAssignment(tx: DbOrTx, actor: Actor, input: z.output<typeof assignmentTaskSchema>) {
  const course = await lockAssignmentCourse(tx, actor, input.courseId);
  const { task } = await findCourseAssignment(tx, course.id, input.taskId);
  const [handedIn] = await tx.select({ count: sql<number>`count(*)::int` }).from(submissions).where(eq(submissions.taskId, task.id));
  if ((handedIn?.count ?? 0) > 0) {
    fail(`Students have handed in work for "${task.title}", so it cannot be deleted. Unpublish it to hide it instead.`);
  }
  await tx.delete(learningTasks).where(eq(learningTasks.id, task.id));
  if (task.moduleId) await renumberModuleTasks(tx, task.moduleId);
  if (task.status === "published") await recomputeProgress(tx, { courseId: course.id });
  await recordAudit(tx, { actorId: actor.id, action: "assignment.deleted", entityType: "learning_task", entityId: task.id, before: { title: task.title, courseId: course.id } });
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: task.id };
}

/**
 * Puts an assignment at the end of another module: the way back for one whose
 * module was deleted (it then belongs to the course alone), or a plain move.
 */
export async function moveAssignment(tx: DbOrTx, actor: Actor, input: z.output<typeof moveAssignmentSchema>) {
  const course = await lockAssignmentCourse(tx, actor, input.courseId);
  const { task } = await findCourseAssignment(tx, course.id, input.taskId);
  const moduleId = await requireCourseModule(tx, course.id, input.toModuleId, assignmentModuleNotFoundMessage);
  if (task.moduleId !== moduleId) {
    await tx.update(learningTasks).set({ moduleId, position: nextTaskPosition(moduleId), updatedAt: new Date() }).where(eq(learningTasks.id, task.id));
    if (task.moduleId) await renumberModuleTasks(tx, task.moduleId);
  }
  await markCourseEdited(tx, course.id);
  return { courseId: course.id, slug: course.slug, taskId: task.id, moduleId };
}
