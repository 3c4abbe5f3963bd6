"use client";

import type { KindInputProps } from "./attempt-question";


/** One labelled select per prompt: native selects work with a keyboard, a screen reader and a phone's picker alike. */
export function MatchingInput({
  questionId,
  header,
  promptId,
  data,
  value,
  disabled,
  onChange,
  onBlur,
}: KindInputProps<"matching">) {
  const matches = value && "matches" in value ? value.matches : {};
  const choose = (promptKey: string, answerId: string) => {
    const next = { ...matches };
    // "Choose…" takes the match back: the prompt is then left out, as unanswered.
    if (answerId === "") delete next[promptKey];
    else next[promptKey] = answerId;
    onChange({ matches: next });
  };

  return (
    <fieldset aria-labelledby={promptId} className="flex flex-col gap-3" onBlur={onBlur}>
      {header}
      <p className="text-sm text-ink-muted">Choose the matching answer for each item.</p>
      <ul className="flex flex-col gap-3">
        {data.prompts.map((prompt) => {
          const selectId = `question-${questionId}-match-${prompt.id}`;
          return (
            <li key={prompt.id} className="flex flex-col gap-1 rounded-md border border-slate-200 px-3 py-2 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
              <label htmlFor={selectId} className="font-medium break-words">
                {prompt.label}
              </label>
              <select
                id={selectId}
                value={matches[prompt.id] ?? ""}
                disabled={disabled}
                onChange={(event) => choose(prompt.id, event.target.value)}
                className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 sm:w-64 sm:shrink-0"
              >
                <option value="">Choose…</option>
                {data.answers.map((answer) => (
                  <option key={answer.id} value={answer.id}>
                    {answer.text}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
