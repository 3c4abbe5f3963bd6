"use client";

import { useFieldArray, useWatch } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { clozeMarker, dataLimits, gapKindLabels, gapKinds, type GapKind } from "@/lib/quizzes/authoring/question-data-fields";
import { ErrorText, messageOf, RowControls, RowInput, smallButton, type QuestionFormApi } from "./row-controls";

const kindOptions = gapKinds.map((value) => ({ value, label: gapKindLabels[value] }));

// An empty number box is "no value" (the schema says what is missing), not zero.
const toNumber = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

const marksHint = "100 for a right answer; less for a partly right one.";

/**
 * One blank of a cloze question: its kind, its points and its answers (typed
 * text, numbers with a tolerance, or a dropdown's options), each with the
 * share of the blank's points it earns.
 */
export function ClozeGapFields({
  form,
  index,
  count,
  idPrefix,
  move,
  remove,
}: {
  form: QuestionFormApi;
  index: number;
  count: number;
  idPrefix: string;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
}) {
  const { register, control, formState } = form;
  const number = index + 1;
  const name = `clozeGaps.${index}` as const;
  const kind = (useWatch({ control, name: `${name}.kind` }) ?? "short_answer") as GapKind;
  const answers = useFieldArray({ control, name: `${name}.answers` });
  const numbers = useFieldArray({ control, name: `${name}.numbers` });
  const options = useFieldArray({ control, name: `${name}.options` });
  const errors = formState.errors.clozeGaps?.[index];
  const gapError = messageOf(errors);
  const id = `${idPrefix}-gap-${index}`;

  // A blank switched to a kind it has no rows for starts with blank rows of that kind.
  const fillFor = (next: GapKind) => {
    if (next === "short_answer" && answers.fields.length === 0) answers.replace([{ text: "", weight: 100 }]);
    if (next === "numeric" && numbers.fields.length === 0) numbers.replace([{ value: null, tolerance: 0, weight: 100 }]);
    if (next === "dropdown" && options.fields.length === 0) {
      options.replace([
        { id: null, text: "", weight: 100 },
        { id: null, text: "", weight: 0 },
      ]);
    }
  };
  const kindField = register(`${name}.kind`, { onChange: (event) => fillFor(event.target.value as GapKind) });

  const list =
    kind === "short_answer"
      ? { label: "Accepted answers", error: messageOf(errors?.answers), add: () => answers.append({ text: "", weight: 100 }), count: answers.fields.length, max: dataLimits.gapAnswers }
      : kind === "numeric"
        ? { label: "Accepted values", error: messageOf(errors?.numbers), add: () => numbers.append({ value: null, tolerance: 0, weight: 100 }), count: numbers.fields.length, max: dataLimits.gapAnswers }
        : { label: "Options", error: messageOf(errors?.options), add: () => options.append({ id: null, text: "", weight: 0 }), count: options.fields.length, max: dataLimits.gapOptions };

  const marks = (field: "answers" | "numbers" | "options", row: number, what: string) => (
    <RowInput
      id={`${id}-${field}-${row}-weight`}
      label={`Marks (%) for ${what}`}
      hideLabel
      type="number"
      inputMode="decimal"
      step="any"
      min={-100}
      max={100}
      placeholder="Marks %"
      className="flex w-28 flex-col gap-1"
      error={errors?.[field]?.[row]?.weight?.message}
      registration={register(`${name}.${field}.${row}.weight`, { setValueAs: toNumber })}
    />
  );

  return (
    <fieldset aria-describedby={gapError ? `${id}-error` : undefined} className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-3">
      <legend className="px-1 text-sm font-medium">
        Blank {number} <span className="font-normal text-ink-muted">(written {clozeMarker(number)} in the question)</span>
      </legend>
      <ErrorText id={`${id}-error`} message={gapError} />
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label={`Kind of blank ${number}`} options={kindOptions} className="min-w-40" {...kindField} />
        <TextField
          label={`Points of blank ${number}`}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          className="w-32"
          error={errors?.points?.message}
          {...register(`${name}.points`, { setValueAs: toNumber })}
        />
        <RowControls label={`blank ${number}`} index={index} count={count} move={move} remove={remove} />
      </div>

      <div role="group" aria-labelledby={`${id}-list`} aria-describedby={[`${id}-list-hint`, list.error ? `${id}-list-error` : ""].filter(Boolean).join(" ")} className="flex flex-col gap-2">
        <p id={`${id}-list`} className="text-sm font-medium">
          {list.label}
        </p>
        <p id={`${id}-list-hint`} className="text-sm text-ink-muted">
          {kind === "dropdown" ? "Students pick one; give the right option 100 marks and the others 0 (or a part)." : marksHint}
        </p>
        <ol className="flex flex-col gap-2">
          {kind === "short_answer"
            ? answers.fields.map((field, row) => {
                const what = `accepted answer ${row + 1} of blank ${number}`;
                return (
                  <li key={field.id} className="flex flex-wrap items-start gap-2">
                    <RowInput id={`${id}-answer-${row}`} label={`Accepted answer ${row + 1}`} error={errors?.answers?.[row]?.text?.message} registration={register(`${name}.answers.${row}.text`)} />
                    {marks("answers", row, what)}
                    <RowControls label={what} index={row} count={answers.fields.length} remove={answers.remove} />
                  </li>
                );
              })
            : null}
          {kind === "numeric"
            ? numbers.fields.map((field, row) => {
                const what = `accepted value ${row + 1} of blank ${number}`;
                const rowErrors = errors?.numbers?.[row];
                return (
                  <li key={field.id} className="flex flex-wrap items-start gap-2">
                    <RowInput
                      id={`${id}-number-${row}`}
                      label={`Accepted value ${row + 1}`}
                      type="number"
                      inputMode="decimal"
                      step="any"
                      error={rowErrors?.value?.message}
                      registration={register(`${name}.numbers.${row}.value`, { setValueAs: toNumber })}
                    />
                    <RowInput
                      id={`${id}-tolerance-${row}`}
                      label="Tolerance (±)"
                      type="number"
                      inputMode="decimal"
                      step="any"
                      min={0}
                      className="flex w-32 flex-col gap-1"
                      error={rowErrors?.tolerance?.message}
                      registration={register(`${name}.numbers.${row}.tolerance`, { setValueAs: toNumber })}
                    />
                    {marks("numbers", row, what)}
                    <RowControls label={what} index={row} count={numbers.fields.length} remove={numbers.remove} />
                  </li>
                );
              })
            : null}
          {kind === "dropdown"
            ? options.fields.map((field, row) => {
                const what = `option ${row + 1} of blank ${number}`;
                return (
                  <li key={field.id} className="flex flex-wrap items-start gap-2">
                    <RowInput id={`${id}-option-${row}`} label={`Option ${row + 1}`} error={errors?.options?.[row]?.text?.message} registration={register(`${name}.options.${row}.text`)} />
                    {marks("options", row, what)}
                    <RowControls label={what} index={row} count={options.fields.length} move={options.move} remove={options.remove} />
                  </li>
                );
              })
            : null}
        </ol>
        <ErrorText id={`${id}-list-error`} message={list.error} />
        <div>
          <button type="button" className={smallButton} disabled={list.count >= list.max} onClick={list.add}>
            {kind === "dropdown" ? "Add an option" : kind === "numeric" ? "Add an accepted value" : "Add an accepted answer"}
            <span className="sr-only"> to blank {number}</span>
          </button>
        </div>
      </div>
    </fieldset>
  );
}
