"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { retryJobAction } from "@/lib/worker/actions/retry-job-action";

/** Sends one dead-lettered job back to its queue; the server re-checks the admin and audits it. */
export function RetryJobButton({ queue, id, label }: { queue: string; id: string; label: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const retry = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await retryJobAction({ queue, id });
      setMessage(result.ok ? { text: `Sent back to ${result.data.queue}.`, error: false } : { text: result.error, error: true });
    });

  return (
    <span className="flex flex-col items-start gap-1">
      <Button type="button" variant="secondary" disabled={pending} onClick={retry} className="px-3 py-1">
        {pending ? "Retrying…" : "Retry"}
        <span className="sr-only"> {label}</span>
      </Button>
      {message ? (
        <span role={message.error ? "alert" : "status"} className={`text-xs ${message.error ? "text-danger-700" : "text-success-700"}`}>
          {message.text}
        </span>
      ) : null}
    </span>
  );
}
