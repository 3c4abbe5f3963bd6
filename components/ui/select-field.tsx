import { useId, type SelectHTMLAttributes } from "react";
import { FieldMessages, fieldMessageIds } from "@/components/ui/field-messages";

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  options: { value: string; label: string }[];
  hint?: string;
  error?: string;
}

/** A labelled native select, styled like TextField, its hint and error tied to it; works without JavaScript. */
export function SelectField({ label, options, hint, error, id, className = "", ...props }: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? generated;
  const { describedBy } = fieldMessageIds(selectId, hint, error);
  return (
    <div className={className}>
      <label htmlFor={selectId} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 ${
          error ? "border-danger-600" : "border-slate-300"
        }`}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages fieldId={selectId} hint={hint} error={error} />
    </div>
  );
}
