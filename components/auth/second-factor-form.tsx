"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { SecondFactorMethods } from "@/lib/auth/authenticate";
import { mfaSignInAction } from "@/lib/auth/mfa/actions/mfa-sign-in-action";
import { mfaSignInSchema, type MfaSignInInput } from "@/lib/auth/mfa/schemas";
import { PasskeySecondStep } from "./passkey-second-step";

interface Props {
  challenge: string;
  methods: SecondFactorMethods;
  callbackUrl?: string;
  onRestart: () => void;
}

type Method = "totp" | "passkey" | "recovery";

const headings: Record<Method, string> = {
  totp: "Enter your authentication code",
  passkey: "Use your passkey",
  recovery: "Enter a recovery code",
};

const explanations: Record<Method, string> = {
  totp: "Open your authenticator app and enter the 6-digit code it shows for this site.",
  passkey: "Unlock one of your passkeys for this site with your fingerprint, face, screen lock or security key.",
  recovery: "Enter one of the recovery codes you saved when you set up two-step verification. Each code works once.",
};

const switchLabels: Record<Method, string> = {
  totp: "Use your authenticator app instead",
  passkey: "Use a passkey instead",
  recovery: "Use a recovery code instead",
};

/**
 * The second sign-in step, after a correct password: a code from the
 * authenticator app, a passkey, or a recovery code. On success the action redirects.
 */
export function SecondFactorForm({ challenge, methods, callbackUrl, onRestart }: Props) {
  const [method, setMethod] = useState<Method>(methods.totp ? "totp" : methods.passkey ? "passkey" : "recovery");
  const others = (["totp", "passkey", "recovery"] as const).filter((other) => other !== method && (other === "recovery" || methods[other]));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const {
    register,
    reset,
    formError,
    setFormError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: mfaSignInSchema,
    action: (values) => mfaSignInAction(values),
    defaultValues: { method: method === "passkey" ? "totp" : method, code: "", challenge, callbackUrl } as MfaSignInInput,
    showFormError: (fieldErrors) => !fieldErrors.code,
  });

  // Keyboard and screen reader users land on the new step.
  useEffect(() => headingRef.current?.focus(), [method]);

  const switchTo = (next: Method) => {
    setFormError(null);
    if (next !== "passkey") reset({ method: next, code: "", challenge, callbackUrl } as MfaSignInInput);
    setMethod(next);
  };

  return (
    <div className="flex flex-col gap-4">
      <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        {headings[method]}
      </h2>
      <p className="text-sm text-ink-muted">{explanations[method]}</p>
      {method === "passkey" ? (
        <PasskeySecondStep challenge={challenge} callbackUrl={callbackUrl} />
      ) : (
        <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <FormAlert message={formError} />
          <input type="hidden" {...register("method")} />
          {method === "totp" ? (
            <TextField
              key="totp"
              label="Authentication code"
              autoComplete="one-time-code"
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={7}
              autoFocus
              error={errors.code?.message}
              {...register("code")}
            />
          ) : (
            <TextField
              key="recovery"
              label="Recovery code"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={20}
              autoFocus
              error={errors.code?.message}
              {...register("code")}
            />
          )}
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Checking…" : "Verify and sign in"}
          </Button>
        </form>
      )}
      <div className="flex flex-col items-start gap-2 text-sm">
        {others.map((other) => (
          <button key={other} type="button" className="font-medium text-brand-700 underline" onClick={() => switchTo(other)}>
            {switchLabels[other]}
          </button>
        ))}
        <button type="button" className="font-medium text-brand-700 underline" onClick={onRestart}>
          Start again
        </button>
      </div>
    </div>
  );
}
