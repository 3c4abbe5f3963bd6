"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { enrollAction } from "@/lib/enrollments/actions/enroll-action";
import { enrollSchema, type EnrollInput } from "@/lib/enrollments/schemas";

export function EnrollForm({ courseId, needsKey }: { courseId: string; needsKey: boolean }) {
  const router = useRouter();
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: enrollSchema,
    action: (values: EnrollInput) => enrollAction(values),
    defaultValues: { courseId, enrollmentKey: "" },
    onSuccess: () => router.refresh(),
    // A key error already shows next to its field.
    showFormError: (fieldErrors) => !fieldErrors.enrollmentKey,
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormAlert message={formError} />
      {needsKey ? (
        <TextField
          label="Enrolment key"
          autoComplete="off"
          hint="This is a private course: your teacher gives you its key."
          error={errors.enrollmentKey?.message}
          {...register("enrollmentKey")}
        />
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Enrolling…" : "Enrol in this course"}
      </Button>
    </form>
  );
}
