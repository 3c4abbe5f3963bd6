import type { SelectHTMLAttributes } from "react";
import { LabelledField, useFieldControl } from "@/components/ui/labelled-field";

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  options: { value: string; label: string }[];
  hint?: string;
  error?: string;
}

/** A labelled native select, styled like TextField, its hint and error tied to it; works without JavaScript. */
export function SelectField({ label, options, hint, error, id, className = "", ...props }: SelectFieldProps) {
  const { fieldId, controlProps } = useFieldControl(id, hint, error);
  return (
    <LabelledField fieldId={fieldId} label={label} hint={hint} error={error} className={className}>
      <select {...controlProps} {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}
