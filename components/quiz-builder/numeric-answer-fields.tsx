"use client";

import { useId } from "react";
import { useFieldArray } from "react-hook-form";
import { limits } from "@/lib/quizzes/authoring/schemas";
import { ErrorText, messageOf, RowControls, RowInput, smallButton, type QuestionFormApi } from "./row-controls";

// An empty number box is "no value" (the schema says what is missing), not zero.
const toNumber = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

/**
 * A numeric question's other accepted values, under its correct value: each
 * with its own tolerance and the marks it earns (a close miss, a common
 * rounding). An answer earns the best marks of the values it falls within.
 */
export function NumericAnswerFields({ form }: { form: QuestionFormApi }) {
  const { register, control, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "numericOthers" });
  const id = useId();
  const errors = formState.errors.numericOthers;
  const listError = messageOf(errors);
  return (
    <fieldset aria-describedby={[`${id}-hint`, listError ? `${id}-error` : ""].filter(Boolean).join(" ")} className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">Other accepted values (partial credit)</legend>
      <p id={`${id}-hint`} className="text-sm text-ink-muted">
        Optional. An answer within the tolerance of one of these earns its marks (100% for full marks, less for partly right).
      </p>
      {fields.length > 0 ? (
        <ol className="flex flex-col gap-2">
          {fields.map((field, row) => {
            const what = `other value ${row + 1}`;
            const rowErrors = errors?.[row];
            return (
              <li key={field.id} className="flex flex-wrap items-start gap-2">
                <RowInput
                  id={`${id}-value-${row}`}
                  label={`Other value ${row + 1}`}
                  type="number"
                  inputMode="decimal"
                  step="any"
                  error={rowErrors?.value?.message}
                  registration={register(`numericOthers.${row}.value`, { setValueAs: toNumber })}
                />
                <RowInput
                  id={`${id}-tolerance-${row}`}
                  label={`Tolerance of other value ${row + 1} (±)`}
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={0}
                  className="flex w-40 flex-col gap-1"
                  error={rowErrors?.tolerance?.message}
                  registration={register(`numericOthers.${row}.tolerance`, { setValueAs: toNumber })}
                />
                <RowInput
                  id={`${id}-marks-${row}`}
                  label={`Marks for other value ${row + 1} (%)`}
                  type="number"
                  inputMode="numeric"
                  step="1"
                  min={1}
                  max={100}
                  className="flex w-40 flex-col gap-1"
                  error={rowErrors?.weight?.message}
                  registration={register(`numericOthers.${row}.weight`, { setValueAs: toNumber })}
                />
                <RowControls label={what} index={row} count={fields.length} remove={remove} />
              </li>
            );
          })}
        </ol>
      ) : null}
      <ErrorText id={`${id}-error`} message={listError} />
      <div>
        <button type="button" className={smallButton} disabled={fields.length >= limits.numericOthers} onClick={() => append({ value: null, tolerance: 0, weight: 50 })}>
          Add another accepted value
        </button>
      </div>
    </fieldset>
  );
}
