"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { unstable_rethrow } from "next/navigation";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { applyResultErrors } from "./apply-result-errors";

interface ActionFormOptions<TInput extends FieldValues, TOutput, TData> {
  /** The action's own zod schema: the browser checks exactly what the server will. */
  schema: z.ZodType<TOutput, TInput>;
  action: (values: TOutput) => Promise<ActionResult<TData>>;
  defaultValues: DefaultValues<TInput>;
  /** Runs after the action succeeded (navigate, refresh, reset, say so). */
  onSuccess?: (data: TData, values: TOutput) => void | Promise<void>;
  /**
   * Decides whether a refusal's message also shows above the form; by default
   * it does. Forms whose only error is a field's return false for it, since
   * the message already stands next to that field.
   */
  showFormError?: (fieldErrors: Record<string, string[]>) => boolean;
}

/**
 * A react-hook-form form wired to a server action the way every form here
 * works: validated in the browser with the action's schema, the action's
 * field errors put next to their fields, its message above the form, and
 * `onSuccess` with the action's data.
 */
export function useActionForm<TInput extends FieldValues, TOutput, TData>({
  schema,
  action,
  defaultValues,
  onSuccess,
  showFormError = () => true,
}: ActionFormOptions<TInput, TOutput, TData>) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TInput, unknown, TOutput>({ resolver: zodResolver(schema), defaultValues });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    let result: ActionResult<TData>;
    try {
      result = await action(values);
    } catch (error) {
      unstable_rethrow(error);
      // The request itself failed (offline, or refused as too large before the action ran).
      setFormError("The form could not be sent. Check your connection, shorten the longest text, and try again.");
      return;
    }
    if (!result.ok) {
      const message = applyResultErrors(result, form.setError);
      if (showFormError(result.fieldErrors)) setFormError(message);
      return;
    }
    await onSuccess?.(result.data, values);
  });
  return { ...form, formError, setFormError, onSubmit };
}
