"use client";

import { useId } from "react";
import { useFieldArray } from "react-hook-form";
import { blankRow, dataLimits } from "@/lib/quizzes/authoring/question-data-fields";
import { ErrorText, messageOf, RowControls, RowInput, smallButton, type QuestionFormApi } from "./row-controls";

/** An ordering question's items, written in their right order; students get them shuffled and put them back. */
export function OrderingFields({ form, number }: { form: QuestionFormApi; number: number }) {
  const { register, control, formState } = form;
  const items = useFieldArray({ control, name: "orderingItems" });
  const groupId = useId();
  const errors = formState.errors.orderingItems;
  const error = messageOf(errors);
  const hintId = `${groupId}-hint`;
  const errorId = `${groupId}-error`;
  return (
    <fieldset aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")} className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">Items in the right order</legend>
      <p id={hintId} className="text-sm text-ink-muted">
        List them first to last; each student sees them shuffled.
      </p>
      <ol className="flex flex-col gap-2">
        {items.fields.map((field, index) => (
          <li key={field.id} className="flex flex-wrap items-start gap-2">
            <RowInput id={`${groupId}-item-${index}`} label={`Item ${index + 1}`} error={errors?.[index]?.text?.message} registration={register(`orderingItems.${index}.text`)} />
            <RowControls label={`item ${index + 1}`} index={index} count={items.fields.length} move={items.move} remove={items.remove} />
          </li>
        ))}
      </ol>
      <ErrorText id={errorId} message={error} />
      <div>
        <button type="button" className={smallButton} disabled={items.fields.length >= dataLimits.items} onClick={() => items.append(blankRow())}>
          Add an item<span className="sr-only"> to question {number}</span>
        </button>
      </div>
    </fieldset>
  );
}
