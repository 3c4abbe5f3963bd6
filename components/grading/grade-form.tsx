"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { gradeSubmissionAction } from "@/lib/assignments/actions/grade-submission-action";
import { applyLatePenalty } from "@/lib/assignments/lateness";
import { gradeSubmissionSchema } from "@/lib/assignments/schemas";

type FormInput = z.input<typeof gradeSubmissionSchema>;
type FormOutput = z.output<typeof gradeSubmissionSchema>;

/**
 * Points and feedback for one hand-in: saved as a draft only graders see, or
 * released to the student. The revision the page was loaded with goes along,
 * so a save over someone else's newer one is refused, not applied.
 */
export function GradeForm({
  submissionId,
  revision,
  maxPoints,
  penaltyPercent,
  released,
  initial,
}: {
  submissionId: string;
  revision: number;
  maxPoints: number;
  penaltyPercent: number;
  released: boolean;
  initial: { points: number | null; feedback: string };
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(gradeSubmissionSchema),
    defaultValues: { submissionId, revision, points: initial.points ?? "", feedback: initial.feedback, release: false },
  });
  // The page re-renders with the stored grade after any save (this form's, a return, another grader's
  // seen on reload): the form follows it, so the next save names the revision it was based on.
  const storedPoints = initial.points;
  const storedFeedback = initial.feedback;
  useEffect(() => {
    reset({ submissionId, revision, points: storedPoints ?? "", feedback: storedFeedback, release: false });
  }, [reset, submissionId, revision, storedPoints, storedFeedback]);
  const typedPoints = useWatch({ control, name: "points" });
  const typed = Number(typedPoints);
  const preview = Number.isFinite(typed) && String(typedPoints ?? "") !== "" ? applyLatePenalty(typed, penaltyPercent) : null;

  const submit = (release: boolean) =>
    handleSubmit(async (values) => {
      setFormError(null);
      setSaved(null);
      const result = await gradeSubmissionAction({ ...values, release });
      if (!result.ok) {
        setFormError(applyResultErrors(result, setError));
        return;
      }
      setValue("revision", result.data.revision);
      setSaved(result.data.gradeStatus === "released" ? `Released to the student: ${result.data.points} / ${maxPoints} points.` : "Draft saved. The student does not see it yet.");
      router.refresh();
    });

  return (
    <form onSubmit={submit(true)} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      {saved ? (
        <p role="status" className="rounded-md border border-success-700/30 bg-success-50 px-4 py-3 text-sm text-success-700">
          {saved}
        </p>
      ) : null}
      <input type="hidden" {...register("revision")} />
      <TextField
        label={`Points (0 to ${maxPoints})`}
        inputMode="decimal"
        autoComplete="off"
        error={errors.points?.message}
        hint={
          penaltyPercent > 0
            ? `Late: ${penaltyPercent}% is taken off.${preview !== null ? ` The student gets ${preview} points.` : ""}`
            : undefined
        }
        {...register("points")}
      />
      <TextAreaField label="Feedback (Markdown)" rows={8} error={errors.feedback?.message} {...register("feedback")} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : released ? "Update released grade" : "Release grade"}
        </Button>
        {released ? null : (
          <Button type="button" variant="secondary" disabled={isSubmitting} onClick={submit(false)}>
            Save draft
          </Button>
        )}
      </div>
    </form>
  );
}
