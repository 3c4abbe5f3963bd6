"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Runs one of the quiz editor's actions and keeps its outcome next to the
 * quiz (not at the top of the page): the error to show, and on success a
 * message for screen readers. A refused change reloads the page's data so the
 * editor shows the quiz as the server has it.
 */
export function useQuizAction(announce: (message: string) => void) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    <T,>(work: () => Promise<ActionResult<T>>, done?: (data: T) => string, before?: () => void) => {
      setError(null);
      startTransition(async () => {
        before?.();
        const result = await work();
        if (result.ok) {
          if (done) announce(done(result.data));
        } else {
          setError(result.error);
          router.refresh();
        }
      });
    },
    [announce, router],
  );

  return { run, pending, error, setError };
}
