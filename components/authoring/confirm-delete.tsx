"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A Delete button that asks first, in place: the question and a "Yes, delete"
 * button (focused, so keyboard users land on it) or Cancel. `verb` names
 * another final act the same way ("Revoke", "revoking").
 */
export function ConfirmDelete({
  title,
  question,
  disabled,
  onConfirm,
  verb = { label: "Delete", gerund: "deleting" },
}: {
  title: string;
  question: string;
  disabled: boolean;
  onConfirm: () => void;
  verb?: { label: string; gerund: string };
}) {
  const [step, setStep] = useState<"idle" | "confirming" | "cancelled">("idle");
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  // Focus follows the step, so keyboard users are never left on a removed button.
  useEffect(() => {
    if (step === "confirming") confirmRef.current?.focus();
    if (step === "cancelled") openerRef.current?.focus();
  }, [step]);

  if (step !== "confirming") {
    return (
      <button
        ref={openerRef}
        type="button"
        disabled={disabled}
        onClick={() => setStep("confirming")}
        className="rounded-md border border-danger-600/40 bg-white px-2 py-1 text-sm text-danger-700 hover:bg-danger-50"
      >
        {verb.label}
        <span className="sr-only"> {title}</span>
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-label={`Confirm ${verb.gerund} ${title}`}
      className="basis-full rounded-md border border-danger-600/30 bg-danger-50 p-3 text-sm"
    >
      <p>{question}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          ref={confirmRef}
          type="button"
          disabled={disabled}
          onClick={() => {
            setStep("idle");
            onConfirm();
          }}
          className="rounded-md bg-danger-600 px-3 py-1.5 font-semibold text-white"
        >
          Yes, {verb.label.toLowerCase()}
          <span className="sr-only"> {title}</span>
        </button>
        <button type="button" onClick={() => setStep("cancelled")} className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
          Cancel
        </button>
      </div>
    </div>
  );
}
