"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { addModuleAction } from "@/lib/authoring/actions/add-module-action";
import { editModuleAction } from "@/lib/authoring/actions/edit-module-action";
import { moduleSchema, type ModuleInput } from "@/lib/authoring/schemas";
import { useStructureEditor } from "./editor-context";

/** Adds a module (no `module`) or renames one; the server checks the same schema. */
export function ModuleForm({
  module,
  onDone,
  onCancel,
}: {
  module?: { id: string; title: string; description: string };
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const { courseId, announce } = useStructureEditor();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ModuleInput>({
    resolver: zodResolver(moduleSchema),
    defaultValues: { title: module?.title ?? "", description: module?.description ?? "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = module
      ? await editModuleAction({ courseId, moduleId: module.id, ...values })
      : await addModuleAction({ courseId, ...values });
    if (!result.ok) {
      setFormError(applyResultErrors(result, setError));
      return;
    }
    announce(module ? `Module renamed to ${values.title.trim()}.` : `Module ${values.title.trim()} added.`);
    if (!module) reset();
    onDone?.();
  });

  const action = module ? "Save module" : "Add module";
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormAlert message={formError} />
      <TextField label={module ? "Module title" : "New module title"} error={errors.title?.message} {...register("title")} />
      <TextAreaField
        label="Description (optional)"
        rows={2}
        error={errors.description?.message}
        {...register("description")}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : action}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
