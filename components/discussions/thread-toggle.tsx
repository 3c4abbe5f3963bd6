"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

interface Props {
  /** What the button says; the pending text follows while the server answers. */
  label: string;
  pendingLabel: string;
  run: () => Promise<ActionResult<unknown>>;
  /** Where to go afterwards; the page refreshes in place when omitted. */
  then?: string;
  variant?: "primary" | "secondary";
  /** Asks before doing it (removals). */
  confirm?: string;
}

/** One button that runs a thread action (follow, pin, lock, remove) and refreshes the page. */
export function ThreadToggle({ label, pendingLabel, run, then, variant = "secondary", confirm }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const go = () =>
    startTransition(async () => {
      setError(null);
      const result = await run();
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setConfirming(false);
      if (then) router.push(then);
      else router.refresh();
    });

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {confirm && confirming ? (
        <span role="group" aria-label={confirm} className="inline-flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium">{confirm}</span>
          <Button type="button" onClick={go} disabled={pending} className="bg-danger-700 hover:bg-danger-700">
            {pending ? pendingLabel : `Yes, ${label.toLowerCase()}`}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
            Cancel
          </Button>
        </span>
      ) : (
        <Button type="button" variant={variant} onClick={confirm ? () => setConfirming(true) : go} disabled={pending}>
          {pending ? pendingLabel : label}
        </Button>
      )}
      {error ? (
        <span role="alert" className="text-sm text-danger-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
