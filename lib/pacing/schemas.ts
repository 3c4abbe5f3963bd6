import { z } from "zod";
import { maxConditionsPerRule, maxEnrolmentDays, releaseItemKinds, releaseRuleSchema, type ReleaseCondition, type ReleaseItemKind, type ReleaseRule } from "./release-rule";
import { isTimeZone } from "@/lib/calendar/time-zone";
import { wallTimeToInstant } from "./wall-time";

// Shared by the release conditions editor (react-hook-form resolver), its
// server action and the REST API: the same input is refused with the same
// message next to the same field. Error paths are the same in both shapes
// (`rule.conditions.<i>.item`), so the checks against the course answer both.

export const conditionKinds = ["date", "enrolment_days", "completed", "score"] as const;
export type ConditionKind = (typeof conditionKinds)[number];

export const conditionKindLabels: Record<ConditionKind, string> = {
  date: "On a date",
  enrolment_days: "Days after the student enrols",
  completed: "After another item is completed",
  score: "After a quiz score of at least",
};

export const matchLabels = {
  all: "All of the conditions are met",
  any: "Any one of the conditions is met",
} as const;

export const releaseItemSchema = z.object({
  kind: z.enum(releaseItemKinds, "Choose a module, a lesson or a task."),
  id: z.uuid("This item does not exist."),
});

const matchSchema = z.enum(["all", "any"], "Choose whether all conditions or any one of them open the item.");
const tooMany = `A rule has at most ${maxConditionsPerRule} conditions.`;
const daysMessage = `Enter a whole number of days from 0 to ${maxEnrolmentDays}.`;
const percentMessage = "Enter a percent from 0 to 100.";

// The API's body: the stored shape, with a message for each mistake.
const bodyCondition = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("date"), opensAt: z.iso.datetime({ offset: true, error: "Give the opening date as an ISO 8601 instant with an offset, like 2026-12-10T09:00:00+01:00." })
        // Stored as the instant, in UTC, whatever offset it was written with.
        .transform((value) => new Date(value).toISOString()),
    }),
    z.object({ kind: z.literal("enrolment_days"), days: z.number(daysMessage).int(daysMessage).min(0, daysMessage).max(maxEnrolmentDays, daysMessage) }),
    z.object({ kind: z.literal("completed"), item: releaseItemSchema }),
    z.object({ kind: z.literal("score"), taskId: z.uuid("There is no such quiz or task in this course."), minPercent: z.number(percentMessage).min(0, percentMessage).max(100, percentMessage) }),
  ],
  { error: "Each condition's kind is date, enrolment_days, completed or score." },
);

export const releaseRuleBodySchema = z
  .object({
    match: matchSchema,
    conditions: z.array(bodyCondition, "List the conditions.").min(1, "Give at least one condition, or delete the rule to keep the item always open.").max(maxConditionsPerRule, tooMany),
  })
  // The shape every reader of the column parses: a rule that passes here is one they can evaluate.
  .pipe(releaseRuleSchema);

/** The canonical input: the item and its rule (null: always open). */
export const setReleaseRuleSchema = z.object({ item: releaseItemSchema, rule: releaseRuleBodySchema.nullable() });
export type SetReleaseRuleInput = z.output<typeof setReleaseRuleSchema>;

// The editor's form: one row per condition with every kind's fields as text
// (what the inputs hold); only the chosen kind's are read. Dates are the wall
// time of `timeZone`, the teacher's own; no row at all means always open.
const formCondition = z.object({
  kind: z.enum(conditionKinds, "Choose a kind of condition."),
  opensAt: z.string().max(40).default(""),
  days: z.union([z.string().max(20), z.number()]).default(""),
  /** `<kind>:<id>` of the item to complete. */
  item: z.string().max(200).default(""),
  taskId: z.string().max(100).default(""),
  minPercent: z.union([z.string().max(20), z.number()]).default(""),
});
type FormCondition = z.output<typeof formCondition>;

const uuid = z.uuid();

/** `lesson:<id>` as the item select's value. */
export const itemOptionValue = (kind: ReleaseItemKind, id: string) => `${kind}:${id}`;

function parseItemOption(value: string): { kind: ReleaseItemKind; id: string } | null {
  const [kind, id, extra] = value.split(":");
  if (extra !== undefined || !id || !(releaseItemKinds as readonly string[]).includes(kind ?? "") || !uuid.safeParse(id).success) return null;
  return { kind: kind as ReleaseItemKind, id };
}

function toNumber(value: string | number): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  return trimmed === "" || !/^-?\d+(\.\d+)?$/.test(trimmed) ? null : Number(trimmed);
}

function toCondition(row: FormCondition, timeZone: string, issue: (field: string, message: string) => void): ReleaseCondition | null {
  switch (row.kind) {
    case "date": {
      if (row.opensAt.trim() === "") return issue("opensAt", "Enter the date and time it opens."), null;
      const converted = wallTimeToInstant(row.opensAt.trim(), timeZone);
      if (!converted.ok)
        return issue("opensAt", converted.reason === "skipped" ? `This time does not exist in ${timeZone} (the clocks skip it): choose another.` : "Enter a valid date and time."), null;
      return { kind: "date", opensAt: converted.instant.toISOString() };
    }
    case "enrolment_days": {
      const days = toNumber(row.days);
      if (days === null || !Number.isInteger(days) || days < 0 || days > maxEnrolmentDays) return issue("days", daysMessage), null;
      return { kind: "enrolment_days", days };
    }
    case "completed": {
      const item = parseItemOption(row.item);
      if (!item) return issue("item", "Choose the module, lesson or task to complete first."), null;
      return { kind: "completed", item };
    }
    case "score": {
      const minPercent = toNumber(row.minPercent);
      const taskOk = uuid.safeParse(row.taskId).success;
      if (!taskOk) issue("taskId", "Choose the quiz.");
      if (minPercent === null || minPercent < 0 || minPercent > 100) issue("minPercent", percentMessage);
      if (!taskOk || minPercent === null || minPercent < 0 || minPercent > 100) return null;
      return { kind: "score", taskId: row.taskId, minPercent };
    }
  }
}

export const releaseRuleFormSchema = z
  .object({
    item: releaseItemSchema,
    timeZone: z.string().max(64).refine(isTimeZone, "Your time zone is not known: set it in your settings, or reload the page."),
    rule: z.object({
      match: matchSchema,
      conditions: z.array(formCondition).max(maxConditionsPerRule, tooMany),
    }),
  })
  .transform((form, context): SetReleaseRuleInput => {
    const conditions: ReleaseCondition[] = [];
    form.rule.conditions.forEach((row, i) => {
      const condition = toCondition(row, form.timeZone, (field, message) =>
        context.addIssue({ code: "custom", path: ["rule", "conditions", i, field], message }),
      );
      if (condition) conditions.push(condition);
    });
    const rule: ReleaseRule | null = conditions.length === 0 ? null : { match: form.rule.match, conditions };
    return { item: form.item, rule };
  });

export type ReleaseRuleFormInput = z.input<typeof releaseRuleFormSchema>;
export type ReleaseRuleFormCondition = z.input<typeof formCondition>;

/** What removing a rule takes: the item alone. */
export const releaseItemInputSchema = z.object({ item: releaseItemSchema });
