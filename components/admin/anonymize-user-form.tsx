"use client";

import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { anonymizeUserAction } from "@/lib/users/actions/anonymize-user-action";
import { anonymizeUserSchema } from "@/lib/users/schemas";

/** Confirms an erasure by the account's username; the server compares it and does the rest. */
export function AnonymizeUserForm({ userId, username }: { userId: string; username: string }) {
  const router = useRouter();
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: anonymizeUserSchema,
    action: (values) => anonymizeUserAction({ ...values, userId }),
    defaultValues: { userId, confirmUsername: "" },
    onSuccess: () => router.push("/admin/users?status=anonymised"),
    // A mismatch is said next to the field; only other refusals go above the form.
    showFormError: (fieldErrors) => !fieldErrors.confirmUsername,
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <TextField
        label={`Type the username ${username} to confirm`}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.confirmUsername?.message}
        {...register("confirmUsername")}
      />
      <div>
        <button
          type="submit"
          disabled={isSubmitting}
          className="rounded-md bg-danger-700 px-4 py-2 text-sm font-semibold text-white hover:bg-danger-600 disabled:cursor-not-allowed"
        >
          {isSubmitting ? "Anonymising…" : "Anonymise this account"}
        </button>
      </div>
    </form>
  );
}
