"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { webauthnErrorMessage } from "@/components/auth/webauthn-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { finishPasskeyRegistrationAction } from "@/lib/auth/passkeys/actions/finish-passkey-registration-action";
import { startPasskeyRegistrationAction } from "@/lib/auth/passkeys/actions/start-passkey-registration-action";
import { renamePasskeySchema } from "@/lib/auth/passkeys/schemas";
import { RecoveryCodesShown } from "./recovery-codes-shown";

const nameOnly = renamePasskeySchema.pick({ name: true });

/**
 * Registers a passkey under a name: the server's options go to the browser's
 * WebAuthn call, and its answer back to the server, which checks and stores it.
 */
export function AddPasskeyForm() {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const {
    register,
    reset,
    formError,
    setFormError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: nameOnly,
    defaultValues: { name: "" },
    action: async ({ name }) => {
      const started = await startPasskeyRegistrationAction({});
      if (!started.ok) return started;
      let response;
      try {
        response = await startRegistration({ optionsJSON: started.data });
      } catch (error) {
        return { ok: false as const, error: webauthnErrorMessage(error), fieldErrors: {} };
      }
      return finishPasskeyRegistrationAction({ name, response: JSON.stringify(response) });
    },
    onSuccess: (data) => {
      reset();
      setFormError(null);
      if (data.recoveryCodes) setCodes(data.recoveryCodes);
      else router.refresh();
    },
  });

  if (codes) {
    return (
      <RecoveryCodesShown
        codes={codes}
        onDone={() => {
          setCodes(null);
          router.refresh();
        }}
      />
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a passkey" className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <FormAlert message={formError} />
      <TextField
        label="Name for the new passkey"
        hint="Such as the device it is on: Work laptop, Phone."
        autoComplete="off"
        maxLength={100}
        className="sm:w-72"
        error={errors.name?.message}
        {...register("name")}
      />
      <Button type="submit" variant="secondary" disabled={isSubmitting} className="sm:mt-6">
        {isSubmitting ? "Waiting for your passkey…" : "Add a passkey"}
      </Button>
    </form>
  );
}
