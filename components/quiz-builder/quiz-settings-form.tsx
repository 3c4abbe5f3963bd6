"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { updateQuizSettingsAction } from "@/lib/quizzes/actions/update-quiz-settings-action";
import {
  gradingMethodLabels,
  gradingMethods,
  quizSettingsSchema,
  reviewPolicies,
  reviewPolicyLabels,
  type QuizSettingsInput,
  type QuizSettingsValues,
} from "@/lib/quizzes/authoring/schemas";
import type { QuizEditorData } from "@/lib/quizzes/editor-queries";
import { AttemptsWarning } from "./attempts-warning";
import { CheckboxField } from "./checkbox-field";

const gradingOptions = gradingMethods.map((value) => ({ value, label: gradingMethodLabels[value] }));
const reviewOptions = reviewPolicies.map((value) => ({ value, label: reviewPolicyLabels[value] }));
const toNumber = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

/** A date as the value of a datetime-local input, in the browser's time zone. */
function localDateTime(value: Date | null): string {
  if (!value) return "";
  const date = new Date(value);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The quiz's settings. Changing how attempts are scored (grading method,
 * partial credit) on a quiz with submitted attempts asks first.
 */
export function QuizSettingsForm({ quiz, announce }: { quiz: QuizEditorData; announce: (message: string) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<QuizSettingsValues | null>(null);
  const [saving, setSaving] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
  } = useForm<QuizSettingsInput, unknown, QuizSettingsValues>({
    resolver: zodResolver(quizSettingsSchema),
    defaultValues: {
      title: quiz.title,
      description: quiz.description,
      timeLimitMinutes: quiz.timeLimitMinutes,
      unlimitedAttempts: quiz.attemptsAllowed === null,
      attemptsAllowed: quiz.attemptsAllowed ?? 1,
      gradingMethod: quiz.gradingMethod,
      shuffleQuestions: quiz.shuffleQuestions,
      shuffleChoices: quiz.shuffleChoices,
      partialCredit: quiz.partialCredit,
      reviewPolicy: quiz.reviewPolicy,
      dueAt: localDateTime(quiz.dueAt),
    },
  });
  const unlimited = useWatch({ control, name: "unlimitedAttempts" });
  const reviewErrorId = useId();

  const save = async (values: QuizSettingsValues) => {
    setSaving(true);
    setFormError(null);
    const result = await updateQuizSettingsAction({
      courseId: quiz.courseId,
      taskId: quiz.id,
      ...values,
      unlimitedAttempts: values.attemptsAllowed === null,
    });
    setSaving(false);
    setConfirming(null);
    if (!result.ok) {
      setFormError(applyResultErrors(result, setError));
      return;
    }
    announce("Quiz settings saved.");
  };

  const onSubmit = handleSubmit(async (values) => {
    const scoring = values.gradingMethod !== quiz.gradingMethod || values.partialCredit !== quiz.partialCredit;
    if (scoring && quiz.closedAttempts > 0) setConfirming(values);
    else await save(values);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Quiz settings">
      <FormAlert message={formError} />
      <TextField label="Quiz title" error={errors.title?.message} {...register("title")} />
      <TextAreaField label="Description (optional)" rows={2} error={errors.description?.message} {...register("description")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Time limit in minutes (optional)"
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          hint="Leave empty for no time limit."
          error={errors.timeLimitMinutes?.message}
          {...register("timeLimitMinutes", { setValueAs: toNumber })}
        />
        <div className="flex flex-col gap-2">
          <TextField
            label="Attempts allowed"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            disabled={unlimited}
            error={errors.attemptsAllowed?.message}
            {...register("attemptsAllowed", { setValueAs: toNumber })}
          />
          <CheckboxField label="Unlimited attempts" {...register("unlimitedAttempts")} />
        </div>
        <SelectField label="Grading method" options={gradingOptions} {...register("gradingMethod")} />
        <div>
          <SelectField
            label="Students may review their answers"
            options={reviewOptions}
            aria-invalid={errors.reviewPolicy ? true : undefined}
            aria-describedby={errors.reviewPolicy ? reviewErrorId : undefined}
            {...register("reviewPolicy")}
          />
          {errors.reviewPolicy?.message ? (
            <p id={reviewErrorId} className="mt-1 text-sm text-danger-700">
              {errors.reviewPolicy.message}
            </p>
          ) : null}
        </div>
        <TextField
          label="Due date (optional)"
          type="datetime-local"
          hint="Must be in the future. Attempts end at the due date at the latest."
          error={errors.dueAt?.message}
          {...register("dueAt")}
        />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Options</legend>
        <CheckboxField label="Shuffle questions" hint="Each attempt shows the questions in its own order." {...register("shuffleQuestions")} />
        <CheckboxField label="Shuffle choices" hint="Each attempt shows a choice question's choices in its own order." {...register("shuffleChoices")} />
        <CheckboxField
          label="Partial credit for multiple choice"
          hint="Right picks minus wrong picks, never below zero, instead of all or nothing."
          {...register("partialCredit")}
        />
      </fieldset>
      {confirming ? (
        <AttemptsWarning attempts={quiz.closedAttempts} saving={saving} onConfirm={() => save(confirming)} onCancel={() => setConfirming(null)} />
      ) : (
        <div>
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : "Save settings"}
          </Button>
        </div>
      )}
    </form>
  );
}
