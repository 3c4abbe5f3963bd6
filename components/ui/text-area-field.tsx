import type { Ref, TextareaHTMLAttributes } from "react";
import { LabelledField, useFieldControl } from "@/components/ui/labelled-field";

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  error?: string;
  hint?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled textarea, like TextField: its hint and error are tied to it with aria-describedby. */
export function TextAreaField({ label, error, hint, id, className = "", rows = 3, ...props }: TextAreaFieldProps) {
  const { fieldId, controlProps } = useFieldControl(id, hint, error);
  return (
    <LabelledField fieldId={fieldId} label={label} hint={hint} error={error} className={className}>
      <textarea rows={rows} {...controlProps} {...props} />
    </LabelledField>
  );
}
