import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizAttempts, submissions } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { lateness } from "@/lib/assignments/lateness";
import type { Actor } from "@/lib/auth/policy";
import { publish } from "@/lib/events/publish";
import { attemptDeadline } from "@/lib/quizzes/taking/deadline";
import type { TaskLimits, TaskOverrideValues } from "./effective-task";
import type { OverrideTask } from "./task-override-commands";

// The steps a student's override (task-override-commands.ts) and a section's
// (section-override-commands.ts) take alike: checking the values against the
// task, telling whom it concerns, and bringing what the old limits decided up
// to date.


export const valuesOf = (row: TaskOverrideValues | null | undefined): TaskOverrideValues | null =>
  row ? { dueAt: row.dueAt, timeLimitMinutes: row.timeLimitMinutes, attemptsAllowed: row.attemptsAllowed } : null;

export const sameValues = (a: TaskOverrideValues | null, b: TaskOverrideValues | null) =>
  (a?.dueAt?.getTime() ?? null) === (b?.dueAt?.getTime() ?? null) &&
  (a?.timeLimitMinutes ?? null) === (b?.timeLimitMinutes ?? null) &&
  (a?.attemptsAllowed ?? null) === (b?.attemptsAllowed ?? null);

/** Refuses limits on an assignment (only a quiz has them), next to their fields. */
export function refuseQuizOnlyFields(task: OverrideTask, input: TaskOverrideValues): void {
  if (task.type === "quiz") return;
  const errors: Record<string, string[]> = {};
  if (input.timeLimitMinutes !== null) errors.timeLimitMinutes = ["Only a quiz has a time limit: leave it empty."];
  if (input.attemptsAllowed !== null) errors.attemptsAllowed = ["Only a quiz has attempts: leave it empty."];
  if (Object.keys(errors).length > 0) fail("An assignment takes only a due date of its own.", errors);
}

/** Like a task's, a new due date is in the future; an unchanged one (`existingDueAt`) may stay while the rest changes. */
export function requireFutureDue(existingDueAt: Date | null | undefined, dueAt: Date | null, now: Date): void {
  const unchangedDue = existingDueAt && dueAt && existingDueAt.getTime() === dueAt.getTime();
  if (dueAt && !unchangedDue && dueAt.getTime() <= now.getTime()) {
    fail("The due date must be in the future.", { dueAt: ["The due date must be in the future."] });
  }
}

/** Tells the student, or the section's students, through the worker that the task's limits changed for them. */
export const announceDeadlineChange = (tx: DbOrTx, actor: Actor, task: OverrideTask, whom: { userId: string } | { sectionId: string }) =>
  publish(tx, { type: "task.deadline_changed", aggregateId: task.id, payload: { taskId: task.id, courseId: task.courseId, ...whom } }, actor.id);

/**
 * Re-decides, for each student, what the limits now applying to them
 * (`limits`, by student id) decide: each hand-in's lateness against the due
 * date, and the deadline of an attempt in progress to the time limit and due
 * cap (never to a deadline already behind it: the attempt then ends now).
 * Two statements at most, however many students.
 */
export async function applyLimits(tx: DbOrTx, task: OverrideTask, limits: Map<string, TaskLimits>, now: Date): Promise<void> {
  if (limits.size === 0) return;
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
