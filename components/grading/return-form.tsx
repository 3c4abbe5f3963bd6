"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { returnSubmissionAction } from "@/lib/assignments/actions/return-submission-action";
import { returnSubmissionSchema } from "@/lib/assignments/schemas";

/** Sends the work back for another version; the feedback says what to change. */
export function ReturnForm({ submissionId, revision }: { submissionId: string; revision: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: returnSubmissionSchema,
    action: returnSubmissionAction,
    defaultValues: { submissionId, revision, feedback: "" },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Return for resubmission…
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-4">
      <FormAlert message={formError} />
      <TextAreaField label="What should the student change?" rows={4} autoFocus error={errors.feedback?.message} {...register("feedback")} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Returning…" : "Return to the student"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
