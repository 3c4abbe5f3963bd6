import "server-only";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/auth/policy";
import { ApiProblem } from "@/lib/api/problem";
import { findPacedItem, loadPacingOutline, summaryOf } from "./authoring-queries";
import type { ReleaseItemKind, ReleaseRule } from "./release-rule";
import { kindNouns } from "./rule-checks";
import { saveReleaseRule, type SavedReleaseRule } from "./set-release-rule";

// The REST API's answers about a release rule: the same reads and the same
// command as the editor's page and form.

export interface ReleaseRuleAnswer {
  item: { kind: ReleaseItemKind; id: string; title: string };
  courseId: string;
  rule: ReleaseRule | null;
  summary: string;
}

const answerOf = (saved: SavedReleaseRule): ReleaseRuleAnswer => ({ item: saved.item, courseId: saved.courseId, rule: saved.rule, summary: saved.summary });

/** The item's rule, or 404 when the actor does not teach its course. Four statements. */
export async function readReleaseRule(db: DbOrTx, actor: Actor, kind: ReleaseItemKind, id: string): Promise<ReleaseRuleAnswer> {
  const item = await findPacedItem(db, actor, { kind, id });
  if (!item) throw new ApiProblem("not_found", `This ${kindNouns[kind]} does not exist.`);
  const outline = await loadPacingOutline(db, item.courseId);
  return { item: { kind, id, title: item.title }, courseId: item.courseId, rule: item.rule, summary: summaryOf(outline, item.rule) };
}

/** Sets (or with null removes) the item's rule, in the request's transaction. */
export async function writeReleaseRule(db: DbOrTx, actor: Actor, kind: ReleaseItemKind, id: string, rule: ReleaseRule | null): Promise<ReleaseRuleAnswer> {
  return answerOf(await saveReleaseRule(db, actor, { item: { kind, id }, rule }));
}
