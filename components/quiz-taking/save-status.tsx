import type { SaveStatus } from "./autosave-queue";

const texts: Record<SaveStatus, string> = {
  idle: "",
  pending: "Not saved yet",
  saving: "Saving…",
  saved: "Saved",
  retrying: "Not saved — retrying",
  refused: "Not saved",
};

/** A question's save state, announced politely as it changes. */
export function SaveStatusText({ status }: { status: SaveStatus }) {
  const tone = status === "saved" ? "text-success-700" : status === "retrying" || status === "refused" ? "text-danger-700" : "text-ink-muted";
  return (
    <p className={`mt-3 min-h-5 text-sm ${tone}`} aria-live="polite">
      {texts[status]}
    </p>
  );
}
