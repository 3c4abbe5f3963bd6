"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createSectionAction } from "@/lib/sections/actions/create-section-action";
import { updateSectionAction } from "@/lib/sections/actions/update-section-action";
import { sectionFormSchema, sectionLimits, type SectionFormInput } from "@/lib/sections/schemas";

/** Creates a section, or (with `section`) renames one and changes its description. */
export function SectionForm({ courseId, section }: { courseId: string; section?: { id: string; name: string; description: string } }) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const blank: SectionFormInput = { name: section?.name ?? "", description: section?.description ?? "" };
  const {
    register,
    reset,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: sectionFormSchema,
    action: (values) =>
      section ? updateSectionAction({ courseId, sectionId: section.id, ...values }) : createSectionAction({ courseId, ...values }),
    defaultValues: blank,
    showFormError: (fieldErrors) => !fieldErrors.name,
    onSuccess: (saved) => {
      setStatus(section ? `Saved ${saved.name}.` : `Created the section ${saved.name}.`);
      reset(section ? { name: saved.name, description: saved.description } : { name: "", description: "" });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={section ? "Rename the section" : "Create a section"}>
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-[minmax(0,16rem)_1fr]">
        <TextField label="Section name" maxLength={sectionLimits.name} autoComplete="off" error={errors.name?.message} {...register("name")} />
        <TextField
          label="Description (optional)"
          maxLength={sectionLimits.description}
          autoComplete="off"
          error={errors.description?.message}
          {...register("description")}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : section ? "Save section" : "Create section"}
        </Button>
        <p role="status" className="text-sm font-medium text-success-700">
          {status}
        </p>
      </div>
    </form>
  );
}
