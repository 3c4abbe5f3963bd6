"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { attemptHref } from "@/components/course/item-link";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { startAttemptAction } from "@/lib/quizzes/actions/start-attempt-action";

/** Start (or resume) an attempt: the server decides which, then the attempt page opens. */
export function StartAttemptButton({ taskId, label }: { taskId: string; label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setPending(true);
    setError(null);
    try {
      const result = await startAttemptAction({ taskId });
      if (result.ok) {
        router.push(attemptHref(result.data.slug, result.data.taskId, result.data.attemptId));
        return;
      }
      setError(result.error);
    } catch {
      setError("The attempt could not be started: check your connection and try again.");
    }
    setPending(false);
  };

  return (
    <div className="flex flex-col items-start gap-3">
      <FormAlert message={error} />
      <Button type="button" onClick={start} disabled={pending}>
        {pending ? "Opening…" : label}
      </Button>
    </div>
  );
}
