"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateCohortAction } from "@/lib/cohorts/actions/update-cohort-action";
import { updateCohortSchema } from "@/lib/cohorts/schemas";

/** Renames a cohort or changes its description. */
export function CohortDetailsForm({ cohortId, name, description }: { cohortId: string; name: string; description: string }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: updateCohortSchema,
    action: updateCohortAction,
    defaultValues: { cohortId, name, description },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
    showFormError: (fieldErrors) => !fieldErrors.name,
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Cohort details" className="flex flex-col gap-3">
      <FormAlert message={formError} />
      <input type="hidden" {...register("cohortId")} />
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...register("name", { onChange: () => setSaved(false) })} />
      <TextField label="Description" autoComplete="off" error={errors.description?.message} {...register("description", { onChange: () => setSaved(false) })} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          Save details
        </Button>
        <p role="status" className="text-sm text-ink-muted">
          {saved ? "Saved." : ""}
        </p>
      </div>
    </form>
  );
}
