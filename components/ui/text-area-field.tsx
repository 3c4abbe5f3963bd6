import { useId, type Ref, type TextareaHTMLAttributes } from "react";
import { FieldMessages, fieldMessageIds } from "@/components/ui/field-messages";

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  error?: string;
  hint?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled textarea, like TextField: its hint and error are tied to it with aria-describedby. */
export function TextAreaField({ label, error, hint, id, className = "", rows = 3, ...props }: TextAreaFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  const { describedBy } = fieldMessageIds(fieldId, hint, error);
  return (
    <div className={className}>
      <label htmlFor={fieldId} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={fieldId}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 ${
          error ? "border-danger-600" : "border-slate-300"
        }`}
        {...props}
      />
      <FieldMessages fieldId={fieldId} hint={hint} error={error} />
    </div>
  );
}
