"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createCohortAction } from "@/lib/cohorts/actions/create-cohort-action";
import { createCohortSchema, type CreateCohortInput } from "@/lib/cohorts/schemas";

const empty: CreateCohortInput = { name: "", description: "" };

/** Names a new cohort, then opens it to add members. */
export function CreateCohortForm() {
  const router = useRouter();
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: createCohortSchema,
    action: createCohortAction,
    defaultValues: empty,
    onSuccess: (data) => router.push(`/admin/cohorts/${data.id}`),
    showFormError: (fieldErrors) => !fieldErrors.name,
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="New cohort" className="flex flex-col gap-3">
      <FormAlert message={formError} />
      <TextField label="Name" hint="For example “Class 10, 2026”." autoComplete="off" error={errors.name?.message} {...register("name")} />
      <TextField label="Description (optional)" autoComplete="off" error={errors.description?.message} {...register("description")} />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          Create cohort
        </Button>
      </div>
    </form>
  );
}
