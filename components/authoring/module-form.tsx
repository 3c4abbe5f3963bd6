"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
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
  const {
    register,
    reset,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: moduleSchema,
    action: (values: ModuleInput) =>
      module ? editModuleAction({ courseId, moduleId: module.id, ...values }) : addModuleAction({ courseId, ...values }),
    defaultValues: { title: module?.title ?? "", description: module?.description ?? "" },
    onSuccess: (_data, values) => {
      announce(module ? `Module renamed to ${values.title.trim()}.` : `Module ${values.title.trim()} added.`);
      if (!module) reset();
      onDone?.();
    },
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
