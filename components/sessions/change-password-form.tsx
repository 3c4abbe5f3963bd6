"use client";

import { useState } from "react";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { changePasswordAction } from "@/lib/sessions/actions/change-password-action";
import { changePasswordSchema } from "@/lib/sessions/schemas";

/** Current password, then the new one twice; on success says how many other sessions ended. */
export function ChangePasswordForm({ email }: { email: string }) {
  const [done, setDone] = useState<string | null>(null);
  const {
    register,
    reset,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: changePasswordSchema,
    action: changePasswordAction,
    defaultValues: { currentPassword: "", password: "", confirmPassword: "" },
    onSuccess: ({ otherSessionsEnded }) => {
      reset();
      setDone(
        otherSessionsEnded === 0
          ? "Your password is changed."
          : `Your password is changed, and ${otherSessionsEnded} other session${otherSessionsEnded === 1 ? "" : "s"} ended.`,
      );
    },
  });

  return (
    <form method="post" onSubmit={(event) => (setDone(null), onSubmit(event))} noValidate className="flex max-w-md flex-col gap-4">
      <FormAlert message={formError} />
      {done ? (
        <p role="status" className="rounded-md border border-success-700/30 bg-success-50 px-4 py-3 text-sm text-success-700">
          {done}
        </p>
      ) : null}
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...register("currentPassword")}
      />
      <NewPasswordFields
        label="New password"
        password={register("password")}
        confirmPassword={register("confirmPassword")}
        errors={{ password: errors.password?.message, confirmPassword: errors.confirmPassword?.message }}
      />
      <Button type="submit" disabled={isSubmitting} className="self-start">
        {isSubmitting ? "Changing your password…" : "Change password"}
      </Button>
    </form>
  );
}
