"use client";

import type { UseFormReturn } from "react-hook-form";
import type { QuestionFormInput, QuestionFormValues } from "@/lib/question-bank/schemas";

/** The question form as its field components receive it. */
export type QuestionFormApi = UseFormReturn<QuestionFormInput, unknown, QuestionFormValues>;

export const smallButton =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

// The input fills its labelled wrapper; the wrapper takes its share of the row.
const rowInputClass = (error: string | undefined) => `w-full min-w-0 rounded-md border bg-white px-3 py-2 text-base ${error ? "border-danger-600" : "border-slate-300"}`;

/** A message the schema put on a list or a row itself ("Add at least two pairs."), from the browser or the server. */
export function messageOf(error: unknown): string | undefined {
  const value = error as { message?: string; root?: { message?: string } } | undefined;
  return value?.root?.message ?? value?.message;
}

/** An error paragraph, tied to its control or group by id. */
export function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="text-sm text-danger-700">
      {message}
    </p>
  ) : null;
}

/** Move up, move down and remove for one row of a list; `label` names the row for screen readers ("pair 2"). */
export function RowControls({
  label,
  index,
  count,
  move,
  remove,
}: {
  label: string;
  index: number;
  count: number;
  move?: (from: number, to: number) => void;
  remove: (index: number) => void;
}) {
  return (
    // At the row's foot, level with the inputs (their labels sit above them).
    <div className="flex gap-1 self-end">
      {move ? (
        <>
          <button type="button" className={smallButton} disabled={index === 0} onClick={() => move(index, index - 1)}>
            <span aria-hidden="true">↑</span>
            <span className="sr-only">Move {label} up</span>
          </button>
          <button type="button" className={smallButton} disabled={index === count - 1} onClick={() => move(index, index + 1)}>
            <span aria-hidden="true">↓</span>
            <span className="sr-only">Move {label} down</span>
          </button>
        </>
      ) : null}
      <button type="button" className={`${smallButton} text-danger-700`} onClick={() => remove(index)}>
        Remove<span className="sr-only"> {label}</span>
      </button>
    </div>
  );
}

/** A one-line text input with its own label (visually hidden when `hideLabel`) and error. */
export function RowInput({
  id,
  label,
  hideLabel = false,
  error,
  registration,
  type = "text",
  className,
  ...rest
}: {
  id: string;
  label: string;
  hideLabel?: boolean;
  error: string | undefined;
  registration: ReturnType<QuestionFormApi["register"]>;
  type?: "text" | "number";
  className?: string;
  placeholder?: string;
  step?: string;
  min?: number;
  max?: number;
  inputMode?: "decimal" | "numeric";
}) {
  return (
    <div className={className ?? "flex min-w-0 flex-1 basis-40 flex-col gap-1"}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm"}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={rowInputClass(error)}
        {...rest}
        {...registration}
      />
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}
