// A release state as the REST API hands it out: the same facts the pages
// show, structured for programs and worded for people. Pure.
import { describeLock, describeReason, type LockWording } from "./describe-lock";
import type { LockReason, ReleaseState } from "./evaluate-release";
import type { ReleaseItemKind } from "./release-rule";

export type LockReasonJson =
  | { kind: "date"; opensAt: string; message: string }
  | { kind: "enrolment_days"; days: number; opensAt: string | null; message: string }
  | { kind: "completed"; item: { kind: ReleaseItemKind; id: string }; message: string }
  | { kind: "score"; taskId: string; minPercent: number; message: string };

export interface LockJson {
  locked: boolean;
  /** When only time stands in the way: the instant it opens. */
  opensAt: string | null;
  lockedReasons: LockReasonJson[];
  /** The reasons as sentences, "…; or …" where any one of them opens it. */
  lockedSummary: string[];
}

function reasonJson(reason: LockReason, wording: LockWording): LockReasonJson {
  const message = describeReason(reason, wording);
  switch (reason.kind) {
    case "date":
      return { kind: "date", opensAt: reason.opensAt.toISOString(), message };
    case "enrolment_days":
      return { kind: "enrolment_days", days: reason.days, opensAt: reason.opensAt?.toISOString() ?? null, message };
    case "completed":
      return { kind: "completed", item: { kind: reason.item.kind, id: reason.item.id }, message };
    case "score":
      return { kind: "score", taskId: reason.taskId, minPercent: reason.minPercent, message };
  }
}

export function lockJson(state: ReleaseState, wording: LockWording): LockJson {
  return {
    locked: !state.open,
    opensAt: state.opensAt?.toISOString() ?? null,
    lockedReasons: state.reasons.map((reason) => reasonJson(reason, wording)),
    lockedSummary: describeLock(state, wording),
  };
}
