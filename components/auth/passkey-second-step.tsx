"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { unstable_rethrow } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { mfaSignInAction } from "@/lib/auth/mfa/actions/mfa-sign-in-action";
import { startPasskeySecondStepAction } from "@/lib/auth/passkeys/actions/start-passkey-second-step-action";
import { webauthnErrorMessage } from "./webauthn-errors";

/** The second sign-in step with one of the account's passkeys; on success the action redirects. */
export function PasskeySecondStep({ challenge, callbackUrl }: { challenge: string; callbackUrl?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const signInWithPasskey = async () => {
    setError(null);
    setPending(true);
    try {
      const started = await startPasskeySecondStepAction({ challenge });
      if (!started.ok) return setError(started.error);
      let response;
      try {
        response = await startAuthentication({ optionsJSON: started.data });
      } catch (failure) {
        return setError(webauthnErrorMessage(failure));
      }
      const result = await mfaSignInAction({ method: "passkey", code: JSON.stringify(response), challenge, callbackUrl });
      if (result && !result.ok) setError(result.error === "Some fields need your attention." ? "That passkey was not accepted. Try again, or use another way." : result.error);
    } catch (failure) {
      unstable_rethrow(failure);
      setError("The sign-in could not be sent. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={error} />
      <Button type="button" onClick={signInWithPasskey} disabled={pending}>
        {pending ? "Waiting for your passkey…" : "Use your passkey"}
      </Button>
    </div>
  );
}
