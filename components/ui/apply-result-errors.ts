import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";

/** Puts a failed action's field errors next to their fields; returns the form-level message. */
export function applyResultErrors<T extends FieldValues>(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  setError: UseFormSetError<T>,
): string {
  for (const [field, messages] of Object.entries(result.fieldErrors)) {
    if (field !== "_form" && messages[0]) setError(field as Path<T>, { type: "server", message: messages[0] });
  }
  return result.error;
}
