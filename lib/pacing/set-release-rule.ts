import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, learningTasks, lessons, modules } from "@/db/schema";
import type { Command } from "@/lib/actions/command";
import { fail, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, type Actor } from "@/lib/auth/policy";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { findPacedItem, loadPacingOutline, summaryOf } from "./authoring-queries";
import type { ReleaseItemKind, ReleaseRule } from "./release-rule";
import { kindNouns, ruleProblems } from "./rule-checks";
import { releaseRuleFormSchema, setReleaseRuleSchema, type SetReleaseRuleInput } from "./schemas";

export interface SavedReleaseRule {
  courseId: string;
  slug: string;
  item: { kind: ReleaseItemKind; id: string; title: string };
  rule: ReleaseRule | null;
  /** The rule in one line, dates in UTC. */
  summary: string;
}

const notFound = (kind: ReleaseItemKind) => `This ${kindNouns[kind]} does not exist.`;
const auditEntity: Record<ReleaseItemKind, string> = { module: "module", lesson: "lesson", task: "learning_task" };

/**
 * Gives a module, lesson or task of a course the actor teaches its release
 * rule (null: always open), after checking every condition against the
 * course; audits the change and recomputes the students' progress, all in
 * the caller's transaction. The course row is locked first, so two rules
 * saved at once are checked one after the other and cannot close a loop.
 */
export async function saveReleaseRule(tx: DbOrTx, actor: Actor, input: SetReleaseRuleInput): Promise<SavedReleaseRule> {
  const found = await findPacedItem(tx, actor, input.item);
  if (!found) missing(notFound(input.item.kind));
  const [course] = await tx
    .select({ id: courses.id, slug: courses.slug, teacherId: courses.teacherId, status: courses.status, visibility: courses.visibility })
    .from(courses)
    .where(eq(courses.id, found.courseId))
    .for("update");
  if (!course || !can(actor, "course.pace", course)) missing(notFound(input.item.kind));

  const outline = await loadPacingOutline(tx, course.id);
  if (input.rule) {
    const problems = ruleProblems(outline, input.item, input.rule);
    if (problems.length > 0) {
      const fieldErrors: Record<string, string[]> = {};
      for (const problem of problems) (fieldErrors[`rule.${problem.path}`] ??= []).push(problem.message);
      fail(problems.length === 1 ? problems[0]!.message : "Some conditions need your attention.", fieldErrors, "invalid");
    }
  }

  const { kind, id } = input.item;
  const rule = input.rule;
  if (kind === "module") await tx.update(modules).set({ releaseRule: rule }).where(and(eq(modules.id, id), eq(modules.courseId, course.id)));
  else if (kind === "lesson") await tx.update(lessons).set({ releaseRule: rule }).where(eq(lessons.id, id));
  else await tx.update(learningTasks).set({ releaseRule: rule }).where(and(eq(learningTasks.id, id), eq(learningTasks.courseId, course.id)));

  const summary = summaryOf(outline, rule);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "release_rule.updated",
    entityType: auditEntity[kind],
    entityId: id,
    before: { courseId: course.id, title: found.title, rule: found.rule, summary: summaryOf(outline, found.rule) },
    after: { courseId: course.id, title: found.title, rule, summary },
  });
  // Courses that count only released items see their percentages move; the others are recomputed alike (it is two statements).
  await recomputeProgress(tx, { courseId: course.id });
  await tx.update(courses).set({ updatedAt: new Date() }).where(eq(courses.id, course.id));
  return { courseId: course.id, slug: course.slug, item: { kind, id, title: found.title }, rule, summary };
}

/** Teachers and admins may reach it; anyone else gets the answer for a missing item. */
const mayPace = (actor: Actor, input: { item: { kind: ReleaseItemKind } }) => can(actor, "area.teacher") || missing(notFound(input.item.kind));

/** The canonical command: the rule as stored (instants), as the API takes it. */
export const setReleaseRule: Command<typeof setReleaseRuleSchema, SavedReleaseRule> = {
  name: "pacing.setReleaseRule",
  schema: setReleaseRuleSchema,
  authorize: mayPace,
  run: (input, { user, tx }) => saveReleaseRule(tx, user, input),
};

/** The same from the editor's form: dates as wall times of the teacher's zone. */
export const setReleaseRuleFromForm: Command<typeof releaseRuleFormSchema, SavedReleaseRule> = {
  name: "pacing.setReleaseRule",
  schema: releaseRuleFormSchema,
  authorize: mayPace,
  run: (input, { user, tx }) => saveReleaseRule(tx, user, input),
};
