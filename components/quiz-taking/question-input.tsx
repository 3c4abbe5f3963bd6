"use client";

import type { StoredResponse } from "@/db/schema/quizzes";
import { parseNumericAnswer } from "@/lib/grading/grade-question";
import { answerTextMaxLength } from "@/lib/quizzes/taking/schemas";
import type { AttemptQuestion } from "./attempt-question";
import { ClozeInput } from "./cloze-input";
import { EssayInput } from "./essay-input";
import { MatchingInput } from "./matching-input";
import { OrderingInput } from "./ordering-input";

const pointsText = (points: number) => `${points} ${points === 1 ? "point" : "points"}`;

/** The input for one question, by its type: radios, checkboxes, a text box, a number box, or the inputs of matching, ordering, cloze and essay. */
export function QuestionInput({
  question,
  value,
  disabled,
  onChange,
  onBlur,
}: {
  question: AttemptQuestion;
  value: StoredResponse | undefined;
  disabled: boolean;
  onChange: (response: StoredResponse) => void;
  onBlur: () => void;
}) {
  const promptId = `question-${question.id}-prompt`;
  const header = (
    <div id={promptId} className="flex flex-col gap-2">
      <h2 className="text-base font-semibold">
        Question {question.number} <span className="font-normal text-ink-muted">· {pointsText(question.points)}</span>
      </h2>
      {question.prompt ? <div>{question.prompt}</div> : null}
    </div>
  );

  const data = question.data;
  const props = { questionId: question.id, header, promptId, value, disabled, onChange, onBlur };
  // An essay needs nothing of its data to be answered.
  if (question.type === "essay") return <EssayInput {...props} />;
  switch (data?.kind) {
    case "matching":
      return <MatchingInput {...props} data={data} />;
    case "ordering":
      return <OrderingInput {...props} data={data} />;
    case "cloze":
      return <ClozeInput {...props} data={data} />;
    default:
      break;
  }
  if (question.type === "matching" || question.type === "ordering" || question.type === "cloze") {
    // Its data did not parse (see readQuestionData): there is nothing to answer with, and it scores zero for everyone.
    return (
      <div className="flex flex-col gap-3">
        {header}
        <p className="text-sm text-ink-muted">This question cannot be answered: its content is incomplete. Tell your teacher.</p>
      </div>
    );
  }

  if (question.type === "short_answer" || question.type === "numeric") {
    const inputId = `question-${question.id}-answer`;
    const text = value && "text" in value ? value.text : "";
    // Saved as typed all the same (the grader reads it the same way); the hint only helps.
    const notANumber = question.type === "numeric" && text.trim() !== "" && parseNumericAnswer(text) === null;
    const hintId = `${inputId}-hint`;
    return (
      <div className="flex flex-col gap-3">
        {header}
        <label htmlFor={inputId} className="text-sm font-medium">
          Your answer{question.type === "numeric" ? " (a number)" : ""}
        </label>
        <input
          id={inputId}
          type="text"
          inputMode={question.type === "numeric" ? "decimal" : undefined}
          autoComplete="off"
          maxLength={answerTextMaxLength}
          aria-describedby={notANumber ? `${promptId} ${hintId}` : promptId}
          value={text}
          disabled={disabled}
          onChange={(event) => onChange({ text: event.target.value })}
          onBlur={onBlur}
          className="w-full max-w-md rounded-md border border-slate-300 px-3 py-2"
        />
        {notANumber ? (
          <p id={hintId} className="text-sm text-warning-800">
            This is not a number yet: use digits, a decimal point and an optional minus sign, like 2.5 or -12.
          </p>
        ) : null}
      </div>
    );
  }

  const multiple = question.type === "multiple_choice";
  const chosen = new Set(value && "choiceIds" in value ? value.choiceIds : []);
  return (
    <fieldset aria-labelledby={promptId} className="flex flex-col gap-3" onBlur={onBlur}>
      {header}
      {multiple ? <p className="text-sm text-ink-muted">Choose all that apply.</p> : null}
      <div className="flex flex-col gap-2">
        {question.choices.map((choice) => {
          const inputId = `choice-${choice.id}`;
          return (
            <label
              key={choice.id}
              htmlFor={inputId}
              className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                id={inputId}
                type={multiple ? "checkbox" : "radio"}
                name={`question-${question.id}`}
                value={choice.id}
                checked={chosen.has(choice.id)}
                disabled={disabled}
                onChange={(event) => {
                  if (!multiple) return onChange({ choiceIds: [choice.id] });
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(choice.id);
                  else next.delete(choice.id);
                  onChange({ choiceIds: question.choices.map((c) => c.id).filter((id) => next.has(id)) });
                }}
                className="mt-1 size-4"
              />
              <span>{choice.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
