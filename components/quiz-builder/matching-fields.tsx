"use client";

import { useId } from "react";
import { useFieldArray } from "react-hook-form";
import { blankPair, blankRow, dataLimits } from "@/lib/quizzes/authoring/question-data-fields";
import { ErrorText, messageOf, RowControls, RowInput, smallButton, type QuestionFormApi } from "./row-controls";

/**
 * A matching question's pairs (a prompt and its right answer) and its
 * distractors (answers that match no prompt). Prompts sharing an answer text
 * share one answer; students pick an answer for each prompt from all of them.
 */
export function MatchingFields({ form, number }: { form: QuestionFormApi; number: number }) {
  const { register, control, formState } = form;
  const pairs = useFieldArray({ control, name: "matchingPairs" });
  const distractors = useFieldArray({ control, name: "matchingDistractors" });
  const groupId = useId();
  const pairErrors = formState.errors.matchingPairs;
  const distractorErrors = formState.errors.matchingDistractors;
  const pairsError = messageOf(pairErrors);
  const distractorsError = messageOf(distractorErrors);
  return (
    <div className="flex flex-col gap-4">
      <fieldset aria-describedby={pairsError ? `${groupId}-pairs-error` : undefined} className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Pairs</legend>
        <ol className="flex flex-col gap-2">
          {pairs.fields.map((field, index) => {
            const label = `pair ${index + 1}`;
            return (
              <li key={field.id} className="flex flex-wrap items-start gap-2 rounded-md border border-slate-200 bg-white p-2">
                <RowInput
                  id={`${groupId}-prompt-${index}`}
                  label={`Prompt ${index + 1}`}
                  error={pairErrors?.[index]?.prompt?.message}
                  registration={register(`matchingPairs.${index}.prompt`)}
                />
                <RowInput
                  id={`${groupId}-answer-${index}`}
                  label={`Matching answer ${index + 1}`}
                  error={pairErrors?.[index]?.answer?.message}
                  registration={register(`matchingPairs.${index}.answer`)}
                />
                <RowControls label={label} index={index} count={pairs.fields.length} move={pairs.move} remove={pairs.remove} />
              </li>
            );
          })}
        </ol>
        <ErrorText id={`${groupId}-pairs-error`} message={pairsError} />
        <div>
          <button type="button" className={smallButton} disabled={pairs.fields.length >= dataLimits.pairs} onClick={() => pairs.append(blankPair())}>
            Add a pair<span className="sr-only"> to question {number}</span>
          </button>
        </div>
      </fieldset>

      <fieldset aria-describedby={[`${groupId}-distractors-hint`, distractorsError ? `${groupId}-distractors-error` : ""].filter(Boolean).join(" ")} className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Distractors (optional)</legend>
        <p id={`${groupId}-distractors-hint`} className="text-sm text-ink-muted">
          Wrong answers offered beside the right ones; they match no prompt.
        </p>
        <ol className="flex flex-col gap-2">
          {distractors.fields.map((field, index) => (
            <li key={field.id} className="flex flex-wrap items-start gap-2">
              <RowInput
                id={`${groupId}-distractor-${index}`}
                label={`Distractor ${index + 1}`}
                error={distractorErrors?.[index]?.text?.message}
                registration={register(`matchingDistractors.${index}.text`)}
              />
              <RowControls label={`distractor ${index + 1}`} index={index} count={distractors.fields.length} remove={distractors.remove} />
            </li>
          ))}
        </ol>
        <ErrorText id={`${groupId}-distractors-error`} message={distractorsError} />
        <div>
          <button type="button" className={smallButton} disabled={distractors.fields.length >= dataLimits.answers} onClick={() => distractors.append(blankRow())}>
            Add a distractor<span className="sr-only"> to question {number}</span>
          </button>
        </div>
      </fieldset>
    </div>
  );
}
