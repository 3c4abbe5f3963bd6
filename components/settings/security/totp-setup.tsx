"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { confirmTotpAction } from "@/lib/auth/mfa/actions/confirm-totp-action";
import { startTotpAction } from "@/lib/auth/mfa/actions/start-totp-action";
import { confirmTotpSchema, type ConfirmTotpInput } from "@/lib/auth/mfa/schemas";
import { RecoveryCodesShown } from "./recovery-codes-shown";

/**
 * Setting up an authenticator app: a QR code and the secret as text (for apps
 * without a camera), then a code from the app to prove it works. Only then is
 * it switched on, and the recovery codes are shown once.
 */
export function TotpSetup() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [enrolment, setEnrolment] = useState<{ secret: string; qrSvg: string } | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: confirmTotpSchema,
    action: (values) => confirmTotpAction(values),
    defaultValues: { code: "" } satisfies ConfirmTotpInput,
    showFormError: (fieldErrors) => !fieldErrors.code,
    onSuccess: (data) => setRecoveryCodes(data.recoveryCodes),
  });

  const start = () =>
    startTransition(async () => {
      setStartError(null);
      const result = await startTotpAction({});
      if (result.ok) setEnrolment(result.data);
      else setStartError(result.error);
    });

  if (recoveryCodes) {
    return (
      <div className="flex flex-col gap-3">
        <p role="status" className="text-sm font-medium text-success-700">
          Two-step verification is on. Your authenticator app will be asked for at every sign-in.
        </p>
        <RecoveryCodesShown codes={recoveryCodes} onDone={() => router.refresh()} />
      </div>
    );
  }

  if (!enrolment) {
    return (
      <div className="flex flex-col items-start gap-2">
        <FormAlert message={startError} />
        <Button type="button" onClick={start} disabled={pending}>
          {pending ? "Preparing…" : "Set up an authenticator app"}
        </Button>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-4 shadow-sm">
      <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm">
        <li>Open an authenticator app on your phone (such as Aegis, Google Authenticator, Microsoft Authenticator or 1Password).</li>
        <li>Scan this QR code with it, or type the setup key below.</li>
        <li>Enter the 6-digit code the app then shows.</li>
      </ol>
      {/* The SVG is drawn on the server by the qrcode package from our own otpauth:// address: markup, no script. */}
      <div
        role="img"
        aria-label="QR code for your authenticator app"
        className="h-48 w-48 self-center bg-white sm:self-start"
        dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
      />
      <div>
        <p className="text-sm font-medium" id="totp-secret-label">
          Setup key
        </p>
        <code aria-labelledby="totp-secret-label" data-testid="totp-secret" className="break-all font-mono text-base">
          {enrolment.secret}
        </code>
      </div>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormAlert message={formError} />
        <TextField
          label="Code from the app"
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={7}
          error={errors.code?.message}
          {...register("code")}
        />
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Checking…" : "Turn on two-step verification"}
          </Button>
        </div>
      </form>
    </div>
  );
}
