"use client";

import { answerTextMaxLength } from "@/lib/quizzes/taking/schemas";
import type { AttemptClozeGap, KindInputProps } from "./attempt-question";


const gapField = "mx-1 my-0.5 inline-block max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 align-baseline";

/**
 * The question's text with a field in each blank: a text box for a typed
 * answer, a select for a dropdown blank. Each field is named "Blank n", and
 * every change saves every blank, by its index.
 */
export function ClozeInput({
  questionId,
  header,
  promptId,
  data,
  value,
  disabled,
  onChange,
  onBlur,
}: KindInputProps<"cloze">) {
  const saved = value && "gaps" in value ? value.gaps : [];
  const gaps = data.gaps.map((_, index) => saved[index] ?? "");
  const fill = (index: number, text: string) => onChange({ gaps: gaps.map((current, other) => (other === index ? text : current)) });

  const field = (index: number) => {
    const gap: AttemptClozeGap | undefined = data.gaps[index];
    if (!gap) return null;
    const common = {
      id: `question-${questionId}-blank-${index + 1}`,
      "aria-label": `Blank ${index + 1}`,
      value: gaps[index],
      disabled,
    };
    if (gap.kind === "dropdown") {
      return (
        <select {...common} onChange={(event) => fill(index, event.target.value)} className={gapField}>
          <option value="">Choose…</option>
          {gap.options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.text}
            </option>
          ))}
        </select>
      );
    }
    return (
      <input
        {...common}
        type="text"
        inputMode={gap.kind === "numeric" ? "decimal" : undefined}
        autoComplete="off"
        maxLength={answerTextMaxLength}
        size={gap.kind === "numeric" ? 8 : 14}
        placeholder={gap.kind === "numeric" ? "number" : undefined}
        onChange={(event) => fill(index, event.target.value)}
        className={gapField}
      />
    );
  };

  return (
    <fieldset aria-labelledby={promptId} className="flex flex-col gap-3" onBlur={onBlur}>
      {header}
      <p className="text-sm text-ink-muted">Fill in each blank.</p>
      <div className="flex flex-col gap-3 leading-9">
        {data.blocks.map((block, blockIndex) =>
          block.kind === "markdown" ? (
            <div key={blockIndex}>{block.content}</div>
          ) : (
            <p key={blockIndex} className="break-words">
              {block.parts.map((part, partIndex) => (part.kind === "gap" ? <span key={partIndex}>{field(part.index)}</span> : <span key={partIndex}>{part.content}</span>))}
            </p>
          ),
        )}
      </div>
    </fieldset>
  );
}
