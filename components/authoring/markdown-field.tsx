"use client";

import { useId, useRef, useState, type KeyboardEvent, type TextareaHTMLAttributes, type Ref } from "react";
import { markdownTypography } from "@/components/content/markdown-typography";
import { previewMarkdownAction } from "@/lib/authoring/actions/preview-markdown-action";
import { FieldMessages, fieldMessageIds } from "@/components/ui/field-messages";

type Tab = "write" | "preview";
type Preview = { state: "loading" } | { state: "ready"; html: string } | { state: "error"; message: string };

interface MarkdownFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  hint?: string;
  error?: string;
  ref?: Ref<HTMLTextAreaElement>;
  /** The text as it is now (the textarea is uncontrolled: react-hook-form owns it). */
  getSource: () => string;
}

/**
 * A Markdown textarea with Write and Preview tabs. The preview is rendered on
 * the server by the same sanitiser the students' pages use, so it shows
 * exactly what they will see.
 */
export function MarkdownField({ label, hint, error, getSource, id, ref, ...props }: MarkdownFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  const [tab, setTab] = useState<Tab>("write");
  const [preview, setPreview] = useState<Preview>({ state: "loading" });
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ write: null, preview: null });
  const { describedBy } = fieldMessageIds(fieldId, hint, error);

  const show = async (next: Tab) => {
    setTab(next);
    if (next !== "preview") return;
    setPreview({ state: "loading" });
    const result = await previewMarkdownAction({ source: getSource() });
    setPreview(result.ok ? { state: "ready", html: result.data.html } : { state: "error", message: result.error });
  };

  // Arrow keys move between the two tabs, as in any tab list.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const next: Tab = tab === "write" ? "preview" : "write";
    tabs.current[next]?.focus();
    void show(next);
  };

  const tabButton = (value: Tab, text: string) => (
    <button
      ref={(node) => {
        tabs.current[value] = node;
      }}
      type="button"
      role="tab"
      id={`${fieldId}-${value}-tab`}
      aria-selected={tab === value}
      aria-controls={`${fieldId}-${value}-panel`}
      tabIndex={tab === value ? 0 : -1}
      onClick={() => void show(value)}
      onKeyDown={onKeyDown}
      className={`rounded-t-md px-3 py-1.5 text-sm font-medium ${
        tab === value ? "border border-b-0 border-slate-300 bg-white text-ink" : "text-ink-muted hover:text-ink"
      }`}
    >
      {text}
    </button>
  );

  return (
    <div>
      <label htmlFor={fieldId} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <div role="tablist" aria-label={`${label}: write or preview`} className="flex gap-1">
        {tabButton("write", "Write")}
        {tabButton("preview", "Preview")}
      </div>
      <div id={`${fieldId}-write-panel`} role="tabpanel" aria-labelledby={`${fieldId}-write-tab`} hidden={tab !== "write"}>
        <textarea
          ref={ref}
          id={fieldId}
          rows={10}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`block w-full rounded-md rounded-tl-none border bg-white px-3 py-2 font-mono text-sm shadow-sm focus:border-brand-600 ${
            error ? "border-danger-600" : "border-slate-300"
          }`}
          {...props}
        />
      </div>
      <div
        id={`${fieldId}-preview-panel`}
        role="tabpanel"
        aria-labelledby={`${fieldId}-preview-tab`}
        hidden={tab !== "preview"}
        tabIndex={0}
        aria-busy={preview.state === "loading"}
        className="min-h-32 rounded-md rounded-tl-none border border-slate-300 bg-white px-4 py-3"
      >
        {tab !== "preview" ? null : preview.state === "loading" ? (
          <p className="text-sm text-ink-muted">Rendering the preview…</p>
        ) : preview.state === "error" ? (
          <p className="text-sm text-danger-700">{preview.message}</p>
        ) : preview.html ? (
          <div className={markdownTypography} dangerouslySetInnerHTML={{ __html: preview.html }} />
        ) : (
          <p className="text-sm text-ink-muted">Nothing to preview yet.</p>
        )}
      </div>
      <FieldMessages fieldId={fieldId} hint={hint} error={error} />
    </div>
  );
}
