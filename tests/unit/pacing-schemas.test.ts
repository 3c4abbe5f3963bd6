import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { releaseRuleFormSchema, setReleaseRuleSchema } from "@/lib/pacing/schemas";

const lessonId = "00000000-0000-4000-8000-000000000001";
const otherLesson = "00000000-0000-4000-8000-000000000002";
const quizId = "00000000-0000-4000-8000-000000000003";
const item = { kind: "lesson", id: lessonId };
const row = (fields: Record<string, unknown>) => ({ kind: "date", opensAt: "", days: "", item: "", taskId: "", minPercent: "", ...fields });
const form = (conditions: unknown[], extra: Record<string, unknown> = {}) => ({ item, timeZone: "Europe/Berlin", rule: { match: "all", conditions }, ...extra });
/** The field errors as the action wrapper reports them: messages by dotted path. */
function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) (errors[issue.path.length > 0 ? issue.path.join(".") : "_form"] ??= []).push(issue.message);
  return errors;
}
const errorsOf = (input: unknown) => {
  const parsed = releaseRuleFormSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("releaseRuleFormSchema", () => {
  it("turns each row into its condition, dates read in the teacher's zone", () => {
    const parsed = releaseRuleFormSchema.parse(
      form([
        row({ kind: "date", opensAt: "2026-12-10T09:00" }),
        row({ kind: "enrolment_days", days: "3" }),
        row({ kind: "completed", item: `lesson:${otherLesson}` }),
        row({ kind: "score", taskId: quizId, minPercent: "75.5" }),
      ]),
    );
    expect(parsed).toEqual({
      item,
      rule: {
        match: "all",
        conditions: [
          { kind: "date", opensAt: "2026-12-10T08:00:00.000Z" },
          { kind: "enrolment_days", days: 3 },
          { kind: "completed", item: { kind: "lesson", id: otherLesson } },
          { kind: "score", taskId: quizId, minPercent: 75.5 },
        ],
      },
    });
  });

  it("reads no row as always open", () => {
    expect(releaseRuleFormSchema.parse(form([], { rule: { match: "any", conditions: [] } }))).toEqual({ item, rule: null });
  });

  it("puts each mistake next to its field", () => {
    expect(
      errorsOf(
        form([
          row({ kind: "date", opensAt: "" }),
          row({ kind: "date", opensAt: "2026-03-29T02:30" }),
          row({ kind: "enrolment_days", days: "2.5" }),
          row({ kind: "completed", item: "lesson:not-a-uuid" }),
          row({ kind: "score", taskId: "", minPercent: "101" }),
        ]),
      ),
    ).toEqual({
      "rule.conditions.0.opensAt": ["Enter the date and time it opens."],
      "rule.conditions.1.opensAt": ["This time does not exist in Europe/Berlin (the clocks skip it): choose another."],
      "rule.conditions.2.days": ["Enter a whole number of days from 0 to 3650."],
      "rule.conditions.3.item": ["Choose the module, lesson or task to complete first."],
      "rule.conditions.4.taskId": ["Choose the quiz."],
      "rule.conditions.4.minPercent": ["Enter a percent from 0 to 100."],
    });
  });

  it("refuses an unknown zone, a bad kind, and more than ten conditions", () => {
    expect(errorsOf(form([row({ kind: "enrolment_days", days: 1 })], { timeZone: "Nowhere/Else" }))).toHaveProperty("timeZone");
    expect(errorsOf(form([row({ kind: "sometime" })]))).toHaveProperty(["rule.conditions.0.kind"]);
    expect(errorsOf(form(Array.from({ length: 11 }, () => row({ kind: "enrolment_days", days: 1 }))))).toEqual({ "rule.conditions": ["A rule has at most 10 conditions."] });
    expect(errorsOf({ ...form([]), item: { kind: "course", id: lessonId } })).toHaveProperty(["item.kind"]);
  });
});

describe("setReleaseRuleSchema (the API's body)", () => {
  it("takes the stored shape and null, storing a date as the instant in UTC", () => {
    const rule = { match: "any", conditions: [{ kind: "date", opensAt: "2026-12-10T09:00:00+01:00" }, { kind: "score", taskId: quizId, minPercent: 50 }] };
    const stored = { match: "any", conditions: [{ kind: "date", opensAt: "2026-12-10T08:00:00.000Z" }, { kind: "score", taskId: quizId, minPercent: 50 }] };
    expect(setReleaseRuleSchema.parse({ item, rule })).toEqual({ item, rule: stored });
    expect(setReleaseRuleSchema.parse({ item, rule: null })).toEqual({ item, rule: null });
  });

  it.each([
    [{ match: "all", conditions: [] }, "rule.conditions", "Give at least one condition, or delete the rule to keep the item always open."],
    [{ match: "most", conditions: [{ kind: "enrolment_days", days: 1 }] }, "rule.match", "Choose whether all conditions or any one of them open the item."],
    [{ match: "all", conditions: [{ kind: "enrolment_days", days: -1 }] }, "rule.conditions.0.days", "Enter a whole number of days from 0 to 3650."],
    [{ match: "all", conditions: [{ kind: "date", opensAt: "tomorrow" }] }, "rule.conditions.0.opensAt", expect.stringContaining("ISO 8601")],
    [{ match: "all", conditions: [{ kind: "completed", item: { kind: "lesson", id: "x" } }] }, "rule.conditions.0.item.id", "This item does not exist."],
    [{ match: "all", conditions: [{ kind: "score", taskId: quizId, minPercent: 120 }] }, "rule.conditions.0.minPercent", "Enter a percent from 0 to 100."],
    [{ match: "all", conditions: [{ kind: "later" }] }, "rule.conditions.0.kind", expect.stringContaining("date, enrolment_days, completed or score")],
  ])("refuses %j with a message at its field", (rule, path, message) => {
    const parsed = setReleaseRuleSchema.safeParse({ item, rule });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)[path]).toEqual([message]);
  });
});
