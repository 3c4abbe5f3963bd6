"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { ownerProofSchema, type OwnerProofInput } from "@/lib/auth/mfa/schemas";
import { RecoveryCodesShown } from "./recovery-codes-shown";

interface Props {
  /** Names the form for assistive technology, and its button. */
  submitLabel: string;
  pendingLabel: string;
  action: (input: OwnerProofInput) => Promise<ActionResult<{ recoveryCodes: string[] } | { disabled: true }>>;
}

/**
 * A change to one's second factors, confirmed with a current code from the
 * authenticator app or the password. New recovery codes, if any, are shown once.
 */
export function OwnerProofForm({ submitLabel, pendingLabel, action }: Props) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const {
    register,
    reset,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: ownerProofSchema,
    action,
    defaultValues: { proof: "" } satisfies OwnerProofInput,
    showFormError: (fieldErrors) => !fieldErrors.proof,
    onSuccess: (data) => {
      reset();
      if ("recoveryCodes" in data) setCodes(data.recoveryCodes);
      else router.refresh();
    },
  });

  if (codes) {
    const done = () => {
      setCodes(null);
      router.refresh();
    };
    return <RecoveryCodesShown codes={codes} onDone={done} />;
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={submitLabel} className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <FormAlert message={formError} />
      <TextField
        label="Code from your app, or your password"
        type="password"
        autoComplete="off"
        className="sm:w-72"
        error={errors.proof?.message}
        {...register("proof")}
      />
      <Button type="submit" variant="secondary" disabled={isSubmitting} className="sm:mt-6">
        {isSubmitting ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
