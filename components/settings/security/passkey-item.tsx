"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalTime } from "@/components/ui/local-time";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { removePasskeyAction } from "@/lib/auth/passkeys/actions/remove-passkey-action";
import { renamePasskeyAction } from "@/lib/auth/passkeys/actions/rename-passkey-action";
import { removePasskeySchema, renamePasskeySchema, type RemovePasskeyInput, type RenamePasskeyInput } from "@/lib/auth/passkeys/schemas";

export interface PasskeyRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  backedUp: boolean;
}

/** One passkey: its name and dates, renamed in place, removed after a code or the password. */
export function PasskeyItem({ passkey }: { passkey: PasskeyRow }) {
  const [mode, setMode] = useState<"view" | "rename" | "remove">("view");
  return (
    <li className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-4">
      <div className="flex flex-col gap-1">
        <p className="font-medium">{passkey.name}</p>
        <p className="text-sm text-ink-muted">
          Added <LocalTime value={passkey.createdAt} />
          {" · "}
          {passkey.lastUsedAt ? (
            <>
              Last used <LocalTime value={passkey.lastUsedAt} />
            </>
          ) : (
            "Not used yet"
          )}
          {passkey.backedUp ? " · Synced to your other devices" : ""}
        </p>
      </div>
      {mode === "view" ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => setMode("rename")} aria-label={`Rename ${passkey.name}`}>
            Rename
          </Button>
          <Button type="button" variant="secondary" onClick={() => setMode("remove")} aria-label={`Remove ${passkey.name}`}>
            Remove
          </Button>
        </div>
      ) : mode === "rename" ? (
        <RenameForm passkey={passkey} onClose={() => setMode("view")} />
      ) : (
        <RemoveForm passkey={passkey} onClose={() => setMode("view")} />
      )}
    </li>
  );
}

function RenameForm({ passkey, onClose }: { passkey: PasskeyRow; onClose: () => void }) {
  const router = useRouter();
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: renamePasskeySchema,
    action: renamePasskeyAction,
    defaultValues: { passkeyId: passkey.id, name: passkey.name } satisfies RenamePasskeyInput,
    showFormError: (fieldErrors) => !fieldErrors.name,
    onSuccess: () => {
      onClose();
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Rename ${passkey.name}`} className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <FormAlert message={formError} />
      <input type="hidden" {...register("passkeyId")} />
      <TextField label="New name" autoComplete="off" maxLength={100} autoFocus className="sm:w-72" error={errors.name?.message} {...register("name")} />
      <div className="flex gap-2 sm:mt-6">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save name"}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function RemoveForm({ passkey, onClose }: { passkey: PasskeyRow; onClose: () => void }) {
  const router = useRouter();
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: removePasskeySchema,
    action: removePasskeyAction,
    defaultValues: { passkeyId: passkey.id, proof: "" } satisfies RemovePasskeyInput,
    showFormError: (fieldErrors) => !fieldErrors.proof,
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Remove ${passkey.name}`} className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <FormAlert message={formError} />
      <input type="hidden" {...register("passkeyId")} />
      <TextField
        label="Code from your app, or your password"
        type="password"
        autoComplete="off"
        autoFocus
        className="sm:w-72"
        error={errors.proof?.message}
        {...register("proof")}
      />
      <div className="flex gap-2 sm:mt-6">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Removing…" : "Remove passkey"}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
