"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { gradeEssayAction } from "@/lib/quizzes/actions/grade-essay-action";
import { pointsAboveMaxMessage } from "@/lib/quizzes/grading/messages";
import { gradeEssaySchema } from "@/lib/quizzes/grading/schemas";

type FormInput = z.input<typeof gradeEssaySchema>;
type FormOutput = z.output<typeof gradeEssaySchema>;

/**
 * Points and a Markdown comment for one essay of a submitted attempt. The
 * schema is the action's; the upper bound (the question's points in this
 * attempt) is checked here for a quick answer and again on the server.
 */
export function EssayGradeForm({
  attemptId,
  questionId,
  maxPoints,
  initial,
}: {
  attemptId: string;
  questionId: string;
  maxPoints: number;
  initial: { points: number | null; comment: string };
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      gradeEssaySchema.refine((values) => values.points <= maxPoints, { path: ["points"], error: pointsAboveMaxMessage(maxPoints) }),
    [maxPoints],
  );
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    defaultValues: { attemptId, questionId, points: initial.points === null ? "" : String(initial.points), comment: initial.comment },
  });
  // After a save the page re-renders with the stored grade (or another grader's, on reload): the form follows it.
  const storedPoints = initial.points;
  const storedComment = initial.comment;
  useEffect(() => {
    reset({ attemptId, questionId, points: storedPoints === null ? "" : String(storedPoints), comment: storedComment });
  }, [reset, attemptId, questionId, storedPoints, storedComment]);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(null);
    const result = await gradeEssayAction(values);
    if (!result.ok) {
      setFormError(applyResultErrors(result, setError));
      return;
    }
    const { data } = result;
    setSaved(
      data.gradingPending
        ? `Saved: ${data.points} / ${maxPoints} points. Another essay of this attempt still waits for a score.`
        : `Saved: ${data.points} / ${maxPoints} points. The attempt is graded (${data.scorePoints} / ${data.maxPoints}) and the student is told.`,
    );
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Grade this essay">
      <FormAlert message={formError ?? errors.questionId?.message ?? errors.attemptId?.message} />
      {saved ? (
        <p role="status" className="rounded-md border border-success-700/30 bg-success-50 px-3 py-2 text-sm text-success-700">
          {saved}
        </p>
      ) : null}
      <TextField
        label={`Points (0 to ${maxPoints})`}
        inputMode="decimal"
        autoComplete="off"
        hint="Up to two decimals, e.g. 2.5."
        error={errors.points?.message}
        {...register("points")}
      />
      <TextAreaField
        label="Comment for the student (Markdown)"
        rows={5}
        error={errors.comment?.message}
        {...register("comment")}
      />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
