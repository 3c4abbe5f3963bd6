"use client";

import { useId } from "react";
import type { UseFieldArrayReturn, UseFormReturn } from "react-hook-form";
import type { QuestionFormInput, QuestionFormValues } from "@/lib/question-bank/schemas";
import { limits } from "@/lib/quizzes/authoring/schemas";

const smallButton =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

// An empty number box is "no value" (the schema reads it as full marks), not zero.
const toNumber = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

/**
 * A short answer question's accepted answers, each with its marks: any of
 * them scores its share, compared ignoring case and surrounding spaces.
 */
export function AcceptedAnswerFields({
  form,
  fieldArray,
}: {
  form: UseFormReturn<QuestionFormInput, unknown, QuestionFormValues>;
  fieldArray: UseFieldArrayReturn<QuestionFormInput, "acceptedAnswers">;
}) {
  const { register, formState } = form;
  const { fields, append, remove } = fieldArray;
  const groupId = useId();
  const listError = (formState.errors.acceptedAnswers as { message?: string; root?: { message?: string } } | undefined);
  const error = listError?.root?.message ?? listError?.message;
  const hintId = `${groupId}-hint`;
  const errorId = `${groupId}-error`;
  return (
    <fieldset aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")} className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">Accepted answers</legend>
      <p id={hintId} className="text-sm text-ink-muted">
        An answer matching any of these earns its marks: 100% for a right answer, less for a partly right one. Capitals and spaces around it do
        not matter.
      </p>
      <ol className="flex flex-col gap-2">
        {fields.map((field, index) => {
          const inputId = `${groupId}-answer-${index}`;
          const marksId = `${inputId}-marks`;
          const fieldError = formState.errors.acceptedAnswers?.[index]?.value?.message;
          const marksError = formState.errors.acceptedAnswers?.[index]?.weight?.message;
          return (
            <li key={field.id} className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <label htmlFor={inputId} className="text-sm">
                  Accepted answer {index + 1}
                </label>
                <input
                  id={inputId}
                  aria-invalid={fieldError ? true : undefined}
                  aria-describedby={fieldError ? `${inputId}-error` : undefined}
                  className={`min-w-0 flex-1 basis-48 rounded-md border bg-white px-3 py-2 text-base ${fieldError ? "border-danger-600" : "border-slate-300"}`}
                  {...register(`acceptedAnswers.${index}.value`)}
                />
                {/* Named "Marks for answer N (%)": a label containing "accepted answer N" would make that row's answer label ambiguous. */}
                <label htmlFor={marksId} className="text-sm">
                  Marks<span className="sr-only"> for answer {index + 1}</span> (%)
                </label>
                <input
                  id={marksId}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={100}
                  step={1}
                  aria-invalid={marksError ? true : undefined}
                  aria-describedby={marksError ? `${marksId}-error` : undefined}
                  className={`w-20 rounded-md border bg-white px-3 py-2 text-base ${marksError ? "border-danger-600" : "border-slate-300"}`}
                  {...register(`acceptedAnswers.${index}.weight`, { setValueAs: toNumber })}
                />
                <button type="button" className={`${smallButton} text-danger-700`} onClick={() => remove(index)}>
                  Remove<span className="sr-only"> accepted answer {index + 1}</span>
                </button>
              </div>
              {fieldError ? (
                <p id={`${inputId}-error`} className="text-sm text-danger-700">
                  {fieldError}
                </p>
              ) : null}
              {marksError ? (
                <p id={`${marksId}-error`} className="text-sm text-danger-700">
                  {marksError}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {error ? (
        <p id={errorId} className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
      <div>
        <button type="button" className={smallButton} disabled={fields.length >= limits.acceptedAnswers} onClick={() => append({ value: "", weight: 100 })}>
          Add an accepted answer
        </button>
      </div>
    </fieldset>
  );
}
