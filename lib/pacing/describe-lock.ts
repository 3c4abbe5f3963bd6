// Why an item is locked, in short sentences for the student, in the reader's
// time zone. Pure: the pages, the API and the action refusals all word locks
// through here.
import { formatDateTime } from "@/lib/calendar/format";
import { normalizeTimeZone } from "@/lib/calendar/time-zone";
import { formatPercent } from "@/lib/format";
import type { LockGroup, LockReason, ReleaseState } from "./evaluate-release";
import type { ReleaseItemRef } from "./release-rule";

export interface LockWording {
  /** An IANA zone (the user's users.time_zone, else "UTC"); an unknown one falls back to UTC. */
  timeZone: string;
  /** The title of an item a rule points at; undefined when the reader may not know it (a draft, a deleted item). */
  titleOf: (item: ReleaseItemRef) => string | undefined;
}

/** A zone Intl accepts, or UTC. */
export const usableTimeZone = (zone: string | null | undefined): string => normalizeTimeZone(zone) ?? "UTC";

/** "Tue, 12 Jan 2027, 09:00 GMT+5:30": the calendar's words for an instant, in the reader's zone (UTC for one Intl does not know). */
const opening = (instant: Date, wording: LockWording) => formatDateTime(instant, usableTimeZone(wording.timeZone));

const quoted = (title: string | undefined, fallback: string) => (title ? `“${title}”` : fallback);

const fallbackNames = { module: "an earlier module", lesson: "an earlier lesson", task: "an earlier activity" } as const;

/** One unmet condition as a sentence. */
export function describeReason(reason: LockReason, wording: LockWording): string {
  switch (reason.kind) {
    case "date":
      return `Opens on ${opening(reason.opensAt, wording)}`;
    case "enrolment_days": {
      if (reason.days === 0) return "Opens once you are enrolled";
      const span = `${reason.days} ${reason.days === 1 ? "day" : "days"}`;
      return reason.opensAt
        ? `Opens ${span} after you enrolled (on ${opening(reason.opensAt, wording)})`
        : `Opens ${span} after you enrol`;
    }
    case "completed":
      return `Complete ${quoted(wording.titleOf(reason.item), fallbackNames[reason.item.kind])} first`;
    case "score":
      return `Score at least ${formatPercent(reason.minPercent)} in ${quoted(
        wording.titleOf({ kind: "task", id: reason.taskId }),
        "an earlier activity",
      )} first`;
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** One rule's unmet conditions: each its own sentence when all are needed, one "…; or …" sentence when any one will do. */
export function describeGroup(group: LockGroup, wording: LockWording): string[] {
  const sentences = group.reasons.map((reason) => describeReason(reason, wording));
  if (group.match === "all" || sentences.length < 2) return sentences;
  return [sentences.map((sentence, index) => (index === 0 ? sentence : lowerFirst(sentence))).join("; or ")];
}

/** Every sentence of a locked item, the module's rule first; empty when it is open. */
export function describeLock(state: Pick<ReleaseState, "open" | "groups">, wording: LockWording): string[] {
  if (state.open) return [];
  return state.groups.flatMap((group) => describeGroup(group, wording));
}

/** A locked item's sentences as one line, for a refusal message. */
export function lockSentence(state: Pick<ReleaseState, "open" | "groups">, wording: LockWording): string {
  const sentences = describeLock(state, wording);
  return sentences.length === 0 ? "" : `${sentences.join(". ")}.`;
}
