"use client";

import { essayMaxLength } from "@/lib/quizzes/question-data";
import { wordCount } from "@/lib/quizzes/taking/word-count";
import type { KindInputProps } from "./attempt-question";

/** A large text box for a written answer in Markdown, with its word count; saved like every answer, after a pause and on leaving it. */
export function EssayInput({
  questionId,
  header,
  promptId,
  value,
  disabled,
  onChange,
  onBlur,
}: Omit<KindInputProps<"essay">, "data">) {
  const inputId = `question-${questionId}-essay`;
  const hintId = `${inputId}-hint`;
  const countId = `${inputId}-count`;
  const text = value && "text" in value ? value.text : "";
  const words = wordCount(text);
  return (
    <div className="flex flex-col gap-3">
      {header}
      <label htmlFor={inputId} className="text-sm font-medium">
        Your answer
      </label>
      <p id={hintId} className="text-sm text-ink-muted">
        You can use Markdown: **bold**, *italic*, lists starting with “- ”, and a blank line between paragraphs. Your teacher grades this answer.
      </p>
      <textarea
        id={inputId}
        rows={12}
        maxLength={essayMaxLength}
        aria-describedby={`${promptId} ${hintId} ${countId}`}
        value={text}
        disabled={disabled}
        onChange={(event) => onChange({ text: event.target.value })}
        onBlur={onBlur}
        className="min-h-48 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm leading-relaxed"
      />
      <p id={countId} className="text-sm text-ink-muted">
        {words === 1 ? "1 word" : `${words} words`}
      </p>
    </div>
  );
}
