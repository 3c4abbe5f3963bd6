import { useId, type InputHTMLAttributes, type Ref } from "react";
import { FieldMessages, fieldMessageIds } from "@/components/ui/field-messages";

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function TextField({ label, error, hint, id, className = "", ...props }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const { describedBy } = fieldMessageIds(inputId, hint, error);
  return (
    <div className={className}>
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 ${
          error ? "border-danger-600" : "border-slate-300"
        }`}
        {...props}
      />
      <FieldMessages fieldId={inputId} hint={hint} error={error} />
    </div>
  );
}
