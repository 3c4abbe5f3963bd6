"use client";

import { useId } from "react";
import { useWatch, type UseFieldArrayReturn, type UseFormReturn } from "react-hook-form";
import type { QuestionType } from "@/db/schema/enums";
import type { QuestionFormInput, QuestionFormValues } from "@/lib/question-bank/schemas";
import { limits, trueFalseTexts } from "@/lib/quizzes/authoring/schemas";

const smallButton =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

type Form = UseFormReturn<QuestionFormInput, unknown, QuestionFormValues>;

/** The message the schema puts on the list itself ("mark exactly one…"), from the browser or the server. */
function listError(error: unknown): string | undefined {
  const value = error as { message?: string; root?: { message?: string } } | undefined;
  return value?.root?.message ?? value?.message;
}

/**
 * A choice question's choices, edited in place: the text of each, which are
 * correct (a radio for single choice and true/false, checkboxes for multiple
 * choice), and add, remove, move up and down.
 */
export function ChoiceFields({
  form,
  fieldArray,
  type,
  number,
}: {
  form: Form;
  fieldArray: UseFieldArrayReturn<QuestionFormInput, "choices">;
  type: QuestionType;
  number: number;
}) {
  const { register, setValue, control, formState } = form;
  const { fields, append, remove, move } = fieldArray;
  const choices = useWatch({ control, name: "choices" }) ?? [];
  const groupId = useId();
  const errorId = `${groupId}-error`;
  const error = listError(formState.errors.choices);

  const markOnly = (index: number) =>
    fields.forEach((_, other) => setValue(`choices.${other}.isCorrect`, other === index, { shouldDirty: true, shouldValidate: formState.isSubmitted }));

  if (type === "true_false") {
    return (
      <fieldset aria-describedby={error ? errorId : undefined} className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Correct answer</legend>
        <div className="flex gap-6">
          {trueFalseTexts.map((text, index) => (
            <label key={text} className="flex items-center gap-2 text-base">
              <input type="radio" name={`${groupId}-tf`} checked={choices[index]?.isCorrect === true} onChange={() => markOnly(index)} className="h-4 w-4" />
              {text}
            </label>
          ))}
        </div>
        {error ? (
          <p id={errorId} className="text-sm text-danger-700">
            {error}
          </p>
        ) : null}
      </fieldset>
    );
  }

  const single = type === "single_choice";
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">
        Choices <span className="font-normal text-ink-muted">({single ? "mark the one correct answer" : "mark every correct answer"})</span>
      </legend>
      <ol className="flex flex-col gap-2">
        {fields.map((field, index) => {
          const textError = formState.errors.choices?.[index]?.text?.message;
          const inputId = `${groupId}-choice-${index}`;
          const label = `Choice ${index + 1}`;
          return (
            <li key={field.id} className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-2">
              <div className="flex flex-wrap items-center gap-2">
                <label className="flex items-center gap-1 text-sm">
                  {single ? (
                    <input
                      type="radio"
                      name={`${groupId}-correct`}
                      checked={choices[index]?.isCorrect === true}
                      onChange={() => markOnly(index)}
                      className="h-4 w-4"
                    />
                  ) : (
                    <input type="checkbox" className="h-4 w-4" {...register(`choices.${index}.isCorrect`)} />
                  )}
                  Correct<span className="sr-only">: {label}</span>
                </label>
                <label htmlFor={inputId} className="sr-only">
                  {label}
                </label>
                <input
                  id={inputId}
                  placeholder={label}
                  aria-invalid={textError ? true : undefined}
                  aria-describedby={textError ? `${inputId}-error` : undefined}
                  className={`min-w-0 flex-1 basis-48 rounded-md border bg-white px-3 py-2 text-base ${textError ? "border-danger-600" : "border-slate-300"}`}
                  {...register(`choices.${index}.text`)}
                />
                <div className="flex gap-1">
                  <button type="button" className={smallButton} disabled={index === 0} onClick={() => move(index, index - 1)}>
                    <span aria-hidden="true">↑</span>
                    <span className="sr-only">Move {label.toLowerCase()} up</span>
                  </button>
                  <button type="button" className={smallButton} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)}>
                    <span aria-hidden="true">↓</span>
                    <span className="sr-only">Move {label.toLowerCase()} down</span>
                  </button>
                  <button type="button" className={`${smallButton} text-danger-700`} onClick={() => remove(index)}>
                    Remove<span className="sr-only"> {label.toLowerCase()}</span>
                  </button>
                </div>
              </div>
              {textError ? (
                <p id={`${inputId}-error`} className="text-sm text-danger-700">
                  {textError}
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
        <button
          type="button"
          className={smallButton}
          disabled={fields.length >= limits.choices}
          onClick={() => append({ id: null, text: "", isCorrect: false })}
        >
          Add a choice<span className="sr-only"> to question {number}</span>
        </button>
      </div>
    </fieldset>
  );
}
