import { useId, type ReactNode } from "react";
import { FieldMessages, fieldMessageIds } from "@/components/ui/field-messages";

/** The control's border follows whether the field has an error. */
export const fieldControlClass = (error: string | undefined) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 ${error ? "border-danger-600" : "border-slate-300"}`;

/**
 * The id, accessibility attributes and class a labelled control needs: its
 * hint and error are tied to it with aria-describedby, and an error marks it invalid.
 */
export function useFieldControl(id: string | undefined, hint: string | undefined, error: string | undefined) {
  const generated = useId();
  const fieldId = id ?? generated;
  const { describedBy } = fieldMessageIds(fieldId, hint, error);
  return {
    fieldId,
    controlProps: { id: fieldId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: fieldControlClass(error) },
  };
}

/** A label above the control, its hint and announced error below. */
export function LabelledField(props: { fieldId: string; label: string; hint?: string; error?: string; className?: string; children: ReactNode }) {
  return (
    <div className={props.className}>
      <label htmlFor={props.fieldId} className="mb-1 block text-sm font-medium">
        {props.label}
      </label>
      {props.children}
      <FieldMessages fieldId={props.fieldId} hint={props.hint} error={props.error} />
    </div>
  );
}
