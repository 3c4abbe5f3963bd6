"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { enrollAction } from "@/lib/enrollments/actions/enroll-action";
import { enrollSchema, type EnrollInput } from "@/lib/enrollments/schemas";

export function EnrollForm({ courseId, needsKey }: { courseId: string; needsKey: boolean }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EnrollInput>({ resolver: zodResolver(enrollSchema), defaultValues: { courseId, enrollmentKey: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await enrollAction(values);
    if (!result.ok) {
      const message = applyResultErrors(result, setError);
      // A key error already shows next to its field.
      if (!result.fieldErrors.enrollmentKey) setFormError(message);
      return;
    }
    router.refresh();
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
