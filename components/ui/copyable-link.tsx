"use client";

import { useId, useState } from "react";
import { Button } from "./button";

/**
 * A link shown in a read-only field with a Copy button. Where the clipboard
 * is out of reach (a page served over plain http), the field's text is
 * selected instead, ready to copy by hand.
 */
export function CopyableLink({ label, value }: { label: string; value: string }) {
  const fieldId = useId();
  const [status, setStatus] = useState("");

  const copy = async () => {
    const field = document.getElementById(fieldId) as HTMLInputElement | null;
    try {
      await navigator.clipboard.writeText(value);
      setStatus("Copied.");
    } catch {
      field?.select();
      setStatus("Selected: copy it with your keyboard or menu.");
    }
  };

  return (
    <div>
      <label htmlFor={fieldId} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={fieldId}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <Button type="button" variant="secondary" onClick={copy} className="shrink-0">
          Copy<span className="sr-only"> {label.toLowerCase()}</span>
        </Button>
      </div>
      <p role="status" className="mt-1 min-h-5 text-sm text-ink-muted">
        {status}
      </p>
    </div>
  );
}
