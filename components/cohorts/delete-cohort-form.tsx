"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { deleteCohortAction } from "@/lib/cohorts/actions/delete-cohort-action";
import { deleteCohortSchema } from "@/lib/cohorts/schemas";

/** Deletes the cohort once its name is typed; the action redirects to the list. */
export function DeleteCohortForm({ cohortId, name }: { cohortId: string; name: string }) {
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: deleteCohortSchema,
    action: deleteCohortAction,
    defaultValues: { cohortId, confirmName: "" },
    showFormError: (fieldErrors) => !fieldErrors.confirmName,
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Delete cohort" className="flex flex-col gap-3">
      <FormAlert message={formError} />
      <input type="hidden" {...register("cohortId")} />
      <TextField
        label={`Type “${name}” to confirm`}
        autoComplete="off"
        hint="The members keep their accounts and their enrolments; only the cohort and its course links go."
        error={errors.confirmName?.message}
        {...register("confirmName")}
      />
      <div>
        <button
          type="submit"
          disabled={isSubmitting}
          className="rounded-md bg-danger-700 px-4 py-2 text-sm font-semibold text-white hover:bg-danger-600 disabled:opacity-60"
        >
          Delete cohort
        </button>
      </div>
    </form>
  );
}

