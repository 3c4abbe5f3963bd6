"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { rotateSigningKeyAction } from "@/lib/badges/actions/rotate-signing-key-action";

/** Replaces the Open Badges signing key after a second, explicit click; the server re-checks and audits it. */
export function RotateSigningKeyButton({ hasKey }: { hasKey: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const rotate = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await rotateSigningKeyAction({});
      setConfirming(false);
      if (result.ok) {
        setMessage({ text: `New signing key ${result.data.fingerprint} is active.`, error: false });
        router.refresh();
      } else setMessage({ text: result.error, error: true });
    });

  return (
    <div className="flex flex-col items-start gap-2">
      {confirming ? (
        <>
          <p className="text-sm">
            {hasKey
              ? "New credentials will be signed with a new key. The current key is retired but stays published, so credentials it signed still verify."
              : "A signing key will be created now."}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={rotate} disabled={pending}>
              {pending ? "Rotating…" : "Yes, rotate the signing key"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </Button>
          </div>
        </>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Rotate signing key
        </Button>
      )}
      {message ? (
        <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-danger-700" : "text-success-700"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
