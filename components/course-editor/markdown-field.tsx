"use client";

import { useId, type Ref, type TextareaHTMLAttributes } from "react";
import { markdownTypography } from "@/components/content/markdown-typography";
import { useMarkdownPreview } from "./markdown-preview";

interface MarkdownFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value"> {
  label: string;
  /** The text as typed now, for the preview and the character count. */
  value: string;
  /** The saved text already rendered by the page, so the preview starts filled. */
  initialHtml: string;
  maxLength: number;
  hint?: string;
  error?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/**
 * A labelled Markdown textarea with a live preview beside it (below it on a
 * phone), rendered exactly as the course page will show it.
 */
export function MarkdownField({ label, value, initialHtml, maxLength, hint, error, id, ...props }: MarkdownFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = error ? `${inputId}-error` : undefined;
  const preview = useMarkdownPreview(value, initialHtml);
  const over = value.length > maxLength;

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={inputId} className="block text-sm font-medium">
        {label}
      </label>
      <div className="grid gap-3 lg:grid-cols-2">
        <div>
          <textarea
            id={inputId}
            rows={10}
            aria-invalid={error ? true : undefined}
            aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
            className={`block w-full rounded-md border bg-white px-3 py-2 font-mono text-sm leading-6 shadow-sm focus:border-brand-600 ${
              error ? "border-danger-600" : "border-slate-300"
            }`}
            {...props}
          />
          <p id={hintId} className="mt-1 flex flex-wrap justify-between gap-x-4 text-sm text-ink-muted">
            <span>{hint ?? "Markdown: **bold**, *italic*, lists with -, links as [text](https://…)."}</span>
            <span className={over ? "font-semibold text-danger-700" : undefined}>
              {value.length.toLocaleString("en")} / {maxLength.toLocaleString("en")} characters
            </span>
          </p>
          {error ? (
            <p id={errorId} className="mt-1 text-sm text-danger-700">
              {error}
            </p>
          ) : null}
        </div>
        <section
          aria-label={`Preview of ${label.toLowerCase()}`}
          className="min-h-24 rounded-md border border-dashed border-slate-300 bg-white px-4 py-3"
        >
          <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-muted" aria-hidden="true">
            Preview
          </p>
          {preview.error ? (
            <p className="text-sm text-danger-700">{preview.error}</p>
          ) : preview.html ? (
            <div className={markdownTypography} dangerouslySetInnerHTML={{ __html: preview.html }} />
          ) : (
            <p className="text-sm text-ink-muted">Nothing to preview yet.</p>
          )}
        </section>
      </div>
    </div>
  );
}
