"use client";

import { browserSupportsWebAuthn, startAuthentication } from "@simplewebauthn/browser";
import { unstable_rethrow } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { passkeySignInAction } from "@/lib/auth/passkeys/actions/passkey-sign-in-action";
import { startPasskeySignInAction } from "@/lib/auth/passkeys/actions/start-passkey-sign-in-action";
import { webauthnErrorMessage } from "./webauthn-errors";

const subscribe = () => () => {};

/**
 * "Sign in with a passkey": the browser offers this site's passkeys (no email
 * typed), the person unlocks one, and the server checks its signature. On
 * success the action redirects; without WebAuthn the button is not shown.
 */
export function PasskeySignInButton({ callbackUrl }: { callbackUrl?: string }) {
  const supported = useSyncExternalStore(subscribe, browserSupportsWebAuthn, () => false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!supported) return null;

  const signIn = async () => {
    setError(null);
    setPending(true);
    try {
      const started = await startPasskeySignInAction({});
      if (!started.ok) return setError(started.error);
      let response;
      try {
        response = await startAuthentication({ optionsJSON: started.data });
      } catch (failure) {
        return setError(webauthnErrorMessage(failure));
      }
      const result = await passkeySignInAction({ response: JSON.stringify(response), callbackUrl });
      if (result && !result.ok) setError(result.error);
    } catch (failure) {
      unstable_rethrow(failure);
      setError("The sign-in could not be sent. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={error} />
      <Button type="button" variant="secondary" onClick={signIn} disabled={pending}>
        {pending ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </Button>
    </div>
  );
}
