"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { resetUserMfaAction } from "@/lib/auth/mfa/actions/reset-user-mfa-action";

/** Resets a user's second factors after a second, explicit click. */
export function ResetMfaButton({ userId, name }: { userId: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reset = () =>
    startTransition(async () => {
      setError(null);
      const result = await resetUserMfaAction({ userId });
      if (result.ok) router.refresh();
      else setError(result.error);
    });

  return (
    <div className="flex flex-col items-start gap-2">
      {confirming ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={reset} disabled={pending}>
            {pending ? "Resetting…" : `Yes, reset two-step verification of ${name}`}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Reset two-step verification
        </Button>
      )}
      {error ? (
        <p role="alert" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
