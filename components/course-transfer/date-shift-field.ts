import { maxDateOffsetDays } from "@/lib/course-transfer/transfers/transfer-options";

/** The date shift's field, as the copy and the import forms both ask it (its `error` and `register` are each form's own). */
export const dateShiftFieldProps = {
  label: "Move every due date by (days)",
  type: "number",
  inputMode: "numeric",
  step: 1,
  min: -maxDateOffsetDays,
  max: maxDateOffsetDays,
  hint: `A positive number moves them later, a negative one earlier; 0 keeps them. At most ${maxDateOffsetDays} days either way.`,
} as const;
