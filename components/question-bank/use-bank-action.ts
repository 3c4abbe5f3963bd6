"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Runs one of the bank's actions: its error stays next to the control, its
 * success message goes to a live region, and the page re-renders from the
 * database either way.
 */
export function useBankAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const run = useCallback(
    <T,>(work: () => Promise<ActionResult<T>>, done: (data: T) => string) => {
      setError(null);
      startTransition(async () => {
        const result = await work();
        if (result.ok) setStatus(done(result.data));
        else setError(result.error);
        router.refresh();
      });
    },
    [router],
  );
  return { run, pending, error, status };
}
