// When a module, lesson or task opens for a student. Stored as JSON on the
// item (null: always open) and parsed with this schema wherever it is read or
// written, so a rule the code cannot evaluate never reaches the database.
import { z } from "zod";
import type { StoredReleaseRule } from "@/db/schema/release-rule-json";

export const releaseItemKinds = ["module", "lesson", "task"] as const;
export type ReleaseItemKind = (typeof releaseItemKinds)[number];

export interface ReleaseItemRef {
  kind: ReleaseItemKind;
  id: string;
}

export const maxEnrolmentDays = 3650;
export const maxConditionsPerRule = 10;

const dateCondition = z.object({
  kind: z.literal("date"),
  /** ISO 8601 instant with an offset; the item opens at it. */
  opensAt: z.iso.datetime({ offset: true }),
});

const enrolmentDaysCondition = z.object({
  kind: z.literal("enrolment_days"),
  /** Whole days after the student's enrolment (0: as soon as enrolled). */
  days: z.number().int().min(0).max(maxEnrolmentDays),
});

const completedCondition = z.object({
  kind: z.literal("completed"),
  item: z.object({ kind: z.enum(releaseItemKinds), id: z.uuid() }),
});

const scoreCondition = z.object({
  kind: z.literal("score"),
  /** A quiz (or any graded task) of the same course. */
  taskId: z.uuid(),
  minPercent: z.number().min(0).max(100),
});

export const releaseConditionSchema = z.discriminatedUnion("kind", [
  dateCondition,
  enrolmentDaysCondition,
  completedCondition,
  scoreCondition,
]);

export const releaseRuleSchema = z.object({
  match: z.enum(["all", "any"]),
  conditions: z.array(releaseConditionSchema).min(1).max(maxConditionsPerRule),
});

export type ReleaseCondition = z.infer<typeof releaseConditionSchema>;
export type ReleaseRule = z.infer<typeof releaseRuleSchema>;

// What this schema parses is what the column is declared to hold, both ways round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const storedShapeMatches: Same<ReleaseRule, StoredReleaseRule> = true;
void storedShapeMatches;

/** A stored rule, or null when the column holds nothing this code can read (treated as no rule). */
export function parseStoredRule(value: unknown): ReleaseRule | null {
  if (value === null || value === undefined) return null;
  const parsed = releaseRuleSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Every item a rule points at, for checking they belong to the course and for remapping ids on copy. */
export function referencedItems(rule: ReleaseRule): ReleaseItemRef[] {
  const refs: ReleaseItemRef[] = [];
  for (const condition of rule.conditions) {
    if (condition.kind === "completed") refs.push(condition.item);
    if (condition.kind === "score") refs.push({ kind: "task", id: condition.taskId });
  }
  return refs;
}
