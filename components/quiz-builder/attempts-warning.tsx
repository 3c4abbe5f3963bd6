"use client";

import { useEffect, useRef } from "react";
import { countOf } from "@/components/ui/plural";

/** The sentence that tells a teacher its change meets already graded work. */
export const gradedAgainstOldVersion = (attempts: number) =>
  `${countOf(attempts, "submitted attempt")} ${attempts === 1 ? "was" : "were"} graded against the old version of this quiz.`;

/**
 * Asked before saving a change to a quiz that has submitted attempts: save
 * anyway (then re-grade if scores should follow) or go back to the form.
 */
export function AttemptsWarning({
  attempts,
  saving,
  onConfirm,
  onCancel,
}: {
  attempts: number;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Keyboard users land on the question they must answer.
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div role="alertdialog" aria-label="Confirm the change" className="rounded-md border border-warning-800/30 bg-warning-50 p-3 text-sm">
      <p>
        {gradedAgainstOldVersion(attempts)} If this change affects scoring, their scores stay as they are until you re-grade them,
        which you can do right after saving.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button ref={confirmRef} type="button" disabled={saving} onClick={onConfirm} className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white">
          {saving ? "Saving…" : "Save anyway"}
        </button>
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
          Keep editing
        </button>
      </div>
    </div>
  );
}
