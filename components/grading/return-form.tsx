"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import { returnSubmissionAction } from "@/lib/assignments/actions/return-submission-action";
import { returnSubmissionSchema } from "@/lib/assignments/schemas";

/** Sends the work back for another version; the feedback says what to change. */
export function ReturnForm({ submissionId, revision }: { submissionId: string; revision: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof returnSubmissionSchema>, unknown, z.output<typeof returnSubmissionSchema>>({
    resolver: zodResolver(returnSubmissionSchema),
    defaultValues: { submissionId, revision, feedback: "" },
  });
  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Return for resubmission…
      </Button>
    );
  }
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await returnSubmissionAction(values);
    if (!result.ok) {
      setFormError(applyResultErrors(result, setError));
      return;
    }
    setOpen(false);
    router.refresh();
  });
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
