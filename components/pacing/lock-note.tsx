import type { ReleaseState } from "@/lib/pacing/evaluate-release";
import { describeLock, type LockWording } from "@/lib/pacing/describe-lock";

/** "Locked" beside an outline entry, with why and (when known) from when; nothing for an open item. */
export function LockNote({ state, wording }: { state: ReleaseState; wording: LockWording }) {
  if (state.open) return null;
  const sentences = describeLock(state, wording);
  return (
    <span className="flex flex-col gap-0.5 text-xs text-ink-muted" data-time-zone={wording.timeZone}>
      <span className="font-semibold text-warning-800">Locked</span>
      {sentences.map((sentence) => (
        <span key={sentence}>{sentence}</span>
      ))}
    </span>
  );
}

/** The lock symbol in place of the completion tick; read out as "locked". */
export function LockMark() {
  return (
    <span className="text-slate-500">
      <span aria-hidden="true">🔒</span>
      <span className="sr-only">(locked)</span>
    </span>
  );
}
