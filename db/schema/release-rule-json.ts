// The JSON a release_rule column holds. The zod schema that writes and reads
// it lives in lib/pacing/release-rule.ts, which checks at compile time that
// what it parses fits this shape (db/ imports nothing from lib/).
export type StoredReleaseCondition =
  | { kind: "date"; opensAt: string }
  | { kind: "enrolment_days"; days: number }
  | { kind: "completed"; item: { kind: "module" | "lesson" | "task"; id: string } }
  | { kind: "score"; taskId: string; minPercent: number };

export interface StoredReleaseRule {
  match: "all" | "any";
  conditions: StoredReleaseCondition[];
}
