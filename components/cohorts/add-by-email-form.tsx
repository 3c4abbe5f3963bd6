"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { addMembersByEmailAction } from "@/lib/cohorts/actions/add-members-by-email-action";
import { addMembersByEmailSchema, maxEmailListChars } from "@/lib/cohorts/schemas";

/** Adds people by a pasted list of emails, or a CSV of them read into the box first. */
export function AddByEmailForm({ cohortId }: { cohortId: string }) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const {
    register,
    setValue,
    reset,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: addMembersByEmailSchema,
    action: addMembersByEmailAction,
    defaultValues: { cohortId, emails: "" },
    onSuccess: (data) => {
      setDone(`Added ${data.added}${data.alreadyMembers > 0 ? ` (${data.alreadyMembers} already in the cohort)` : ""}; ${data.enrolments} enrolments made.`);
      reset({ cohortId, emails: "" });
      router.refresh();
    },
    showFormError: (fieldErrors) => !fieldErrors.emails,
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Add by email" className="flex flex-col gap-3">
      <FormAlert message={formError ?? fileError} />
      <input type="hidden" {...register("cohortId")} />
      <TextAreaField
        label="Emails"
        rows={4}
        hint="One per line, or separated by commas. Every email must belong to an account; otherwise nobody is added."
        error={errors.emails?.message}
        {...register("emails", { onChange: () => setDone(null) })}
      />
      <div>
        <label htmlFor="cohort-email-file" className="mb-1 block text-sm font-medium">
          Or read a CSV of emails
        </label>
        <input
          id="cohort-email-file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          className="block w-full text-sm"
          onChange={async (event) => {
            const chosen = event.target.files?.[0];
            setFileError(null);
            if (!chosen) return;
            if (chosen.size > maxEmailListChars) {
              setFileError("That file is too large: at most 200 KB of emails.");
              return;
            }
            setValue("emails", await chosen.text(), { shouldValidate: true });
          }}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          Add these people
        </Button>
        <p role="status" className="text-sm">
          {done ?? ""}
        </p>
      </div>
    </form>
  );
}
