import { useId, type InputHTMLAttributes, type Ref } from "react";

/** A checkbox with its label on the right and an optional hint under it. */
export function CheckboxField({
  label,
  hint,
  id,
  ref,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; ref?: Ref<HTMLInputElement> }) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className="flex items-start gap-2">
      <input ref={ref} id={inputId} type="checkbox" aria-describedby={hintId} className="mt-1 h-4 w-4 shrink-0" {...props} />
      <div>
        <label htmlFor={inputId} className="text-sm font-medium">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="text-sm text-ink-muted">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
