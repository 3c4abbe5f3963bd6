import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { quizAnswers, quizAttempts, quizChoices, quizQuestions, quizSlots } from "@/db/schema";
import { upgradeAttemptRecord, upgradeResponse, versionUpgrade, type VersionUpgrade } from "./version-upgrade";

/**
 * Moves the quiz's closed attempts to the current version of each question
 * they were given (see versionUpgrade), so a re-grade scores them with the
 * teacher's correction. A chosen question's points follow its new version; a
 * random slot's drawn question keeps the slot's points. Returns how many
 * versions moved and how many could not (their bank question was deleted).
 * A fixed number of statements.
 */
export async function upgradeAttemptVersions(tx: DbOrTx, taskId: string): Promise<{ moved: number; kept: number }> {
  const attempts = await tx
    .select({ id: quizAttempts.id, questionOrder: quizAttempts.questionOrder, questionPoints: quizAttempts.questionPoints, choiceOrder: quizAttempts.choiceOrder })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.taskId, taskId), ne(quizAttempts.status, "in_progress")));
  const given = [...new Set(attempts.flatMap((attempt) => attempt.questionOrder))];
  if (given.length === 0) return { moved: 0, kept: 0 };

  // Every version of the entries the attempts were given: the answered ones, the current ones and those between.
  const versions = await tx
    .select({ id: quizQuestions.id, entryId: quizQuestions.entryId, isCurrent: quizQuestions.isCurrent, points: quizQuestions.points })
    .from(quizQuestions)
    .where(sql`${quizQuestions.entryId} IN (SELECT entry_id FROM quiz_questions WHERE id IN (${sql.join(given.map((id) => sql`${id}::uuid`), sql`, `)}))`);
  const choices = await tx
    .select({ id: quizChoices.id, questionId: quizChoices.questionId, previousId: quizChoices.previousId })
    .from(quizChoices)
    .where(inArray(quizChoices.questionId, versions.map((version) => version.id)));
  const currentOf = new Map(versions.filter((version) => version.isCurrent).map((version) => [version.entryId, version]));
  const chosenEntries = new Set(
    (await tx.select({ entryId: quizSlots.entryId }).from(quizSlots).where(eq(quizSlots.taskId, taskId))).flatMap((row) => (row.entryId ? [row.entryId] : [])),
  );

  const givenSet = new Set(given);
  const upgrades = new Map<string, VersionUpgrade>();
  const pointsOfVersion = new Map(versions.map((version) => [version.id, version.points]));
  const entryOfVersion = new Map(versions.map((version) => [version.id, version.entryId]));
  const choicesOfEntry = (entryId: string) => {
    const ids = new Set(versions.filter((version) => version.entryId === entryId).map((version) => version.id));
    return choices.filter((choice) => ids.has(choice.questionId));
  };
  let kept = 0;
  for (const version of versions) {
    if (!givenSet.has(version.id) || version.isCurrent) continue;
    const current = currentOf.get(version.entryId);
    // A deleted bank question has no current version: its attempts keep what they had.
    const upgrade = current ? versionUpgrade(version.id, current.id, choicesOfEntry(version.entryId)) : null;
    if (upgrade) upgrades.set(version.id, upgrade);
    else kept += 1;
  }
  if (upgrades.size === 0) return { moved: 0, kept };

  const pointsOf = (upgrade: VersionUpgrade, previous: number | undefined) =>
    chosenEntries.has(entryOfVersion.get(upgrade.to) ?? "") ? pointsOfVersion.get(upgrade.to) : previous;
  const attemptValues = attempts.flatMap((attempt) => {
    if (!attempt.questionOrder.some((id) => upgrades.has(id))) return [];
    const next = upgradeAttemptRecord(attempt, upgrades, pointsOf);
    return [
      sql`(${attempt.id}::uuid, ${sql`ARRAY[${sql.join(next.questionOrder.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]`}, ${JSON.stringify(next.questionPoints)}::jsonb, ${JSON.stringify(next.choiceOrder)}::jsonb)`,
    ];
  });
  await tx.execute(sql`
    UPDATE quiz_attempts AS a SET question_order = v.question_order, question_points = v.question_points, choice_order = v.choice_order, updated_at = now()
    FROM (VALUES ${sql.join(attemptValues, sql`, `)}) AS v(id, question_order, question_points, choice_order)
    WHERE a.id = v.id`);

  const answers = await tx
    .select({ id: quizAnswers.id, questionId: quizAnswers.questionId, response: quizAnswers.response })
    .from(quizAnswers)
    .where(and(inArray(quizAnswers.attemptId, attempts.map((attempt) => attempt.id)), inArray(quizAnswers.questionId, [...upgrades.keys()])));
  if (answers.length > 0) {
    const answerValues = answers.map((answer) => {
      const upgrade = upgrades.get(answer.questionId)!;
      return sql`(${answer.id}::uuid, ${upgrade.to}::uuid, ${JSON.stringify(upgradeResponse(answer.response, upgrade))}::jsonb)`;
    });
    await tx.execute(sql`
      UPDATE quiz_answers AS a SET question_id = v.question_id, response = v.response
      FROM (VALUES ${sql.join(answerValues, sql`, `)}) AS v(id, question_id, response)
      WHERE a.id = v.id`);
  }
  return { moved: upgrades.size, kept };
}
