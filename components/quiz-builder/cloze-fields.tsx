"use client";

import { useId } from "react";
import { useFieldArray } from "react-hook-form";
import { blankGap, clozeMarker, dataLimits } from "@/lib/quizzes/authoring/question-data-fields";
import { ClozeGapFields } from "./cloze-gap-fields";
import { ErrorText, messageOf, smallButton, type QuestionFormApi } from "./row-controls";

/**
 * A cloze question's blanks. The question's text holds `[[1]]`, `[[2]]`…
 * where each blank goes, in order; adding a blank writes its marker at the
 * end of the text when the text has none, for the teacher to move.
 */
export function ClozeFields({ form, number }: { form: QuestionFormApi; number: number }) {
  const { control, formState, getValues, setValue } = form;
  const gaps = useFieldArray({ control, name: "clozeGaps" });
  const groupId = useId();
  const error = messageOf(formState.errors.clozeGaps);
  const hintId = `${groupId}-hint`;
  const errorId = `${groupId}-error`;

  const addGap = () => {
    const marker = clozeMarker(gaps.fields.length + 1);
    const text = getValues("text") ?? "";
    if (!text.includes(marker)) setValue("text", text ? `${text.trimEnd()} ${marker}` : marker, { shouldDirty: true, shouldValidate: formState.isSubmitted });
    gaps.append(blankGap());
  };

  return (
    <fieldset aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")} className="flex flex-col gap-3">
      <legend className="mb-1 text-sm font-medium">Blanks</legend>
      <p id={hintId} className="text-sm text-ink-muted">
        Write [[1]], [[2]]… in the question where each blank goes, in order. The blanks&apos; points are scaled to the question&apos;s points.
      </p>
      {gaps.fields.map((field, index) => (
        <ClozeGapFields key={field.id} form={form} index={index} count={gaps.fields.length} idPrefix={groupId} move={gaps.move} remove={gaps.remove} />
      ))}
      <ErrorText id={errorId} message={error} />
      <div>
        <button type="button" className={smallButton} disabled={gaps.fields.length >= dataLimits.gaps} onClick={addGap}>
          Add a blank<span className="sr-only"> to question {number}</span>
        </button>
      </div>
    </fieldset>
  );
}
