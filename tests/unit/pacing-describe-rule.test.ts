import { describe, expect, it } from "vitest";
import { describeRule } from "@/lib/pacing/describe-rule";
import type { ReleaseCondition, ReleaseItemRef } from "@/lib/pacing/release-rule";

const names: Record<string, string> = { "lesson:l1": "lesson “Speed”", "task:q1": "task “Motion quiz”", "module:m1": "module “Motion”" };
const options = {
  nameOf: (ref: ReleaseItemRef) => names[`${ref.kind}:${ref.id}`] ?? `a deleted ${ref.kind}`,
  formatInstant: (instant: Date) => instant.toISOString().slice(0, 16),
};

describe("describeRule", () => {
  it("says always open without a rule", () => {
    expect(describeRule(null, options)).toBe("Always open");
  });

  it("words each kind of condition", () => {
    const one = (condition: ReleaseCondition) =>
      describeRule({ match: "all", conditions: [condition] }, options);
    expect(one({ kind: "date", opensAt: "2026-12-10T09:00:00.000Z" })).toBe("Opens from 2026-12-10T09:00");
    expect(one({ kind: "enrolment_days", days: 0 })).toBe("Opens once enrolled");
    expect(one({ kind: "enrolment_days", days: 1 })).toBe("Opens 1 day after enrolment");
    expect(one({ kind: "enrolment_days", days: 14 })).toBe("Opens 14 days after enrolment");
    expect(one({ kind: "completed", item: { kind: "module", id: "m1" } })).toBe("Opens after module “Motion” is completed");
    expect(one({ kind: "completed", item: { kind: "lesson", id: "gone" } })).toBe("Opens after a deleted lesson is completed");
    expect(one({ kind: "score", taskId: "q1", minPercent: 80 })).toBe("Opens after a score of at least 80% on task “Motion quiz”");
  });

  it("joins all with 'and' and any with 'or'", () => {
    const conditions = [
      { kind: "enrolment_days" as const, days: 7 },
      { kind: "completed" as const, item: { kind: "lesson" as const, id: "l1" } },
    ];
    expect(describeRule({ match: "all", conditions }, options)).toBe("Opens 7 days after enrolment and after lesson “Speed” is completed");
    expect(describeRule({ match: "any", conditions }, options)).toBe("Opens at the first of: 7 days after enrolment; or after lesson “Speed” is completed");
  });
});
