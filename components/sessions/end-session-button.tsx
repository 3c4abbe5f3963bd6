"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

/** A plain "End" button for one session; the list refreshes when the server has ended it. */
export function EndSessionButton({ label, device, end }: { label: string; device: string; end: () => Promise<ActionResult<unknown>> }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await end();
            if (result && !result.ok) setError(result.error);
          })
        }
        className="rounded-md border border-danger-600/40 bg-white px-2 py-1 text-sm text-danger-700 hover:bg-danger-50 disabled:opacity-60"
      >
        {pending ? "Ending…" : label}
        <span className="sr-only"> the session on {device}</span>
      </button>
      {error ? (
        <p role="alert" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
