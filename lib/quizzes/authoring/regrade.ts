import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { quizAttempts, quizzes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { gradeClosedAttempts } from "@/lib/quizzes/record-grades";
import { findCourseQuiz, lockManagedCourse } from "./access";
import { upgradeAttemptVersions } from "./upgrade-attempt-versions";
import type { regradeQuizSchema } from "./schemas";

/**
 * Re-grades every submitted attempt of the quiz against its questions as they
 * are now: each attempt moves to the current version of a question it was
 * given where its answer still fits (see upgradeAttemptVersions), then scores,
 * task progress and course progress follow. Writes one `quiz.regraded` audit
 * entry with each attempt's score before and after.
 */
export async function regradeQuiz(tx: DbOrTx, actor: Actor, input: z.output<typeof regradeQuizSchema>) {
  const course = await lockManagedCourse(tx, actor, input.courseId);
  const quiz = await findCourseQuiz(tx, course.id, input.taskId);
  const before = await tx
    .select({
      id: quizAttempts.id,
      scorePoints: quizAttempts.scorePoints,
      stale: sql<boolean>`coalesce(${quizAttempts.gradedVersion}, 0) < ${quizzes.contentVersion}`,
    })
    .from(quizAttempts)
    .innerJoin(quizzes, eq(quizzes.taskId, quizAttempts.taskId))
    .where(and(eq(quizAttempts.taskId, quiz.id), ne(quizAttempts.status, "in_progress")));
  const versions = await upgradeAttemptVersions(tx, quiz.id);
  const graded = await gradeClosedAttempts(tx, { taskId: quiz.id, actorId: actor.id });
  const previous = new Map(before.map((row) => [row.id, row.scorePoints]));
  const changed = graded.filter((attempt) => previous.get(attempt.attemptId) !== attempt.scorePoints);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "quiz.regraded",
    entityType: "learning_task",
    entityId: quiz.id,
    before: {
      staleAttempts: before.filter((row) => row.stale).length,
      scores: Object.fromEntries(changed.map((attempt) => [attempt.attemptId, previous.get(attempt.attemptId) ?? null])),
    },
    after: {
      contentVersion: quiz.contentVersion,
      attempts: graded.length,
      questionVersionsMoved: versions.moved,
      questionVersionsKept: versions.kept,
      scores: Object.fromEntries(changed.map((attempt) => [attempt.attemptId, attempt.scorePoints])),
    },
  });
  return { courseId: course.id, slug: course.slug, taskId: quiz.id, regraded: graded.length, changed: changed.length, versionsKept: versions.kept };
}

