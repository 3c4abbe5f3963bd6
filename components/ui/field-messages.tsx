/** The ids of a field's hint and error, and the aria-describedby that ties both to its control. */
export function fieldMessageIds(fieldId: string, hint?: string, error?: string) {
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

/** A field's hint and its error, shown under the control. */
export function FieldMessages({ fieldId, hint, error }: { fieldId: string; hint?: string; error?: string }) {
  const { hintId, errorId } = fieldMessageIds(fieldId, hint, error);
  return (
    <>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </>
  );
}
