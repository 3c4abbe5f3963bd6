import type { InputHTMLAttributes, Ref } from "react";
import { LabelledField, useFieldControl } from "@/components/ui/labelled-field";

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function TextField({ label, error, hint, id, className = "", ...props }: TextFieldProps) {
  const { fieldId, controlProps } = useFieldControl(id, hint, error);
  return (
    <LabelledField fieldId={fieldId} label={label} hint={hint} error={error} className={className}>
      <input {...controlProps} {...props} />
    </LabelledField>
  );
}
