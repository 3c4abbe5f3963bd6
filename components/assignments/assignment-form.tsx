"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FieldMessages } from "@/components/ui/field-messages";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { createAssignmentAction } from "@/lib/assignments/actions/create-assignment-action";
import { updateAssignmentAction } from "@/lib/assignments/actions/update-assignment-action";
import { assignmentFormSchema, latePenaltyLabels, latePenaltyTypes } from "@/lib/assignments/authoring/schemas";
import type { StructureAssignment } from "@/lib/assignments/editor-queries";
import { submissionFileTypeKeys, submissionFileTypes } from "@/lib/assignments/file-types";

type FormInput = z.input<ReturnType<typeof assignmentFormSchema>>;
type FormOutput = z.output<ReturnType<typeof assignmentFormSchema>>;

/** "2026-12-10T18:00" in the teacher's own time zone, as a datetime-local input shows it. */
function toLocalInput(value: Date | null): string {
  if (!value) return "";
  const date = new Date(value);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function Checkbox({ label, hint, ...props }: { label: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" className="mt-1 h-4 w-4" aria-describedby={hint ? `${id}-hint` : undefined} {...props} />
      <label htmlFor={id} className="text-sm">
        <span className="font-medium">{label}</span>
        {hint ? (
          <span id={`${id}-hint`} className="block text-ink-muted">
            {hint}
          </span>
        ) : null}
      </label>
    </div>
  );
}

/**
 * Everything about an assignment or project: what students do (instructions),
 * by when, for how many points, what they may hand in, and how late work is
 * treated. Creates a draft in a module, or saves an existing one; the server
 * checks the same schema.
 */
export function AssignmentForm({
  courseId,
  moduleId,
  assignment,
  onDone,
  onCancel,
  announce,
}: {
  courseId: string;
  moduleId: string;
  assignment?: StructureAssignment;
  onDone: (title: string) => void;
  onCancel: () => void;
  announce: (message: string) => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const typesId = useId();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(assignmentFormSchema(() => (assignment?.dueAt ? new Date(0) : new Date()))),
    defaultValues: {
      type: assignment?.type ?? "assignment",
      title: assignment?.title ?? "",
      instructions: assignment?.instructions ?? "",
      dueAt: toLocalInput(assignment?.dueAt ?? null),
      maxPoints: assignment?.maxPoints ?? 100,
      textEntry: assignment?.textEntry ?? true,
      allowedFileTypes: assignment?.allowedFileTypes ?? ["pdf"],
      maxFiles: assignment?.maxFiles ?? 1,
      maxFileSizeMb: assignment?.maxFileSizeMb ?? 10,
      acceptLate: assignment?.acceptLate ?? false,
      latePenaltyType: assignment?.latePenaltyType ?? "none",
      latePenaltyPercent: assignment?.latePenaltyPercent ?? 0,
    },
  });
  const acceptLate = useWatch({ control, name: "acceptLate" });
  const penaltyType = useWatch({ control, name: "latePenaltyType" });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = assignment
      ? await updateAssignmentAction({ courseId, taskId: assignment.id, ...values })
      : await createAssignmentAction({ courseId, moduleId, ...values });
    if (!result.ok) {
      setFormError(applyResultErrors(result, setError));
      return;
    }
    announce(assignment ? `Saved ${values.title}.` : `Added ${values.title} as a draft.`);
    onDone(values.title);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <SelectField
          label="Kind"
          options={[
            { value: "assignment", label: "Assignment" },
            { value: "project", label: "Project" },
          ]}
          {...register("type")}
        />
        <TextField label="Title" error={errors.title?.message} {...register("title")} />
      </div>
      <TextAreaField label="Instructions (Markdown)" rows={6} error={errors.instructions?.message} {...register("instructions")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Due date (optional)"
          type="datetime-local"
          hint="In your time zone; students see it in theirs."
          error={errors.dueAt?.message}
          {...register("dueAt")}
        />
        <TextField label="Points" inputMode="numeric" error={errors.maxPoints?.message} {...register("maxPoints")} />
      </div>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">What students hand in</legend>
        <Checkbox label="Text written on the page" {...register("textEntry")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Files, at most" inputMode="numeric" hint="0 for none." error={errors.maxFiles?.message} {...register("maxFiles")} />
          <TextField label="Largest file (MB)" inputMode="numeric" error={errors.maxFileSizeMb?.message} {...register("maxFileSizeMb")} />
        </div>
        <fieldset aria-describedby={errors.allowedFileTypes ? `${typesId}-error` : undefined}>
          <legend className="mb-1 text-sm font-medium">File types</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {submissionFileTypeKeys.map((key) => (
              <Checkbox key={key} label={submissionFileTypes[key].label} value={key} {...register("allowedFileTypes")} />
            ))}
          </div>
          <FieldMessages fieldId={typesId} error={errors.allowedFileTypes?.message} />
        </fieldset>
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">Late work</legend>
        <Checkbox label="Accept work after the due date" hint="It is marked late; otherwise it is refused." {...register("acceptLate")} />
        {acceptLate ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Penalty"
              options={latePenaltyTypes.map((type) => ({ value: type, label: latePenaltyLabels[type] }))}
              {...register("latePenaltyType")}
            />
            {penaltyType !== "none" ? (
              <TextField label="Percent taken off" inputMode="decimal" error={errors.latePenaltyPercent?.message} {...register("latePenaltyPercent")} />
            ) : null}
          </div>
        ) : null}
      </fieldset>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : assignment ? "Save assignment" : "Add assignment"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
