"use client";

import { useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { randomSlotFormSchema } from "@/lib/question-bank/schemas";
import { addRandomSlotAction } from "@/lib/quizzes/actions/add-random-slot-action";
import type { QuizEditorData } from "@/lib/quizzes/editor-queries";
import { CheckboxField } from "./checkbox-field";

type RandomSlotInput = z.input<typeof randomSlotFormSchema>;

/** "Draw N random questions from a category (and tag), P points each": each attempt gets its own draw. */
export function AddRandomSlotForm({ quiz, announce }: { quiz: QuizEditorData; announce: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const {
    register,
    formError,
    onSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: randomSlotFormSchema,
    action: (values) => addRandomSlotAction({ courseId: quiz.courseId, taskId: quiz.id, ...values }),
    defaultValues: { categoryId: "", includeSubcategories: true, tag: "", drawCount: 1, points: 1 } satisfies RandomSlotInput,
    onSuccess: (_, values) => {
      announce(`Added ${values.drawCount} random question${values.drawCount === 1 ? "" : "s"} to the quiz.`);
      reset();
      setOpen(false);
    },
  });

  if (!open) {
    return (
      <div>
        <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
          Add random questions
        </Button>
      </div>
    );
  }
  const options = [
    { value: "", label: "Whole question bank" },
    ...quiz.categories.map((category) => ({ value: category.id, label: `${"— ".repeat(category.depth)}${category.name} (${category.questionCount})` })),
  ];
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add random questions" className="flex flex-col gap-3 rounded-md bg-slate-50 p-3">
      <h5 className="text-base font-semibold">Add random questions</h5>
      <p className="text-sm text-ink-muted">Each attempt draws its own questions from the bank; a resume or a review shows the same ones.</p>
      <FormAlert message={formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Draw from" options={options} error={errors.categoryId?.message} {...register("categoryId")} />
        <TextField label="Only questions tagged (optional)" error={errors.tag?.message} {...register("tag")} />
        <TextField label="Number of questions" type="number" inputMode="numeric" min={1} max={100} error={errors.drawCount?.message} {...register("drawCount")} />
        <TextField label="Points for each" type="number" inputMode="numeric" min={1} max={1000} error={errors.points?.message} {...register("points")} />
      </div>
      <CheckboxField label="Include subcategories" {...register("includeSubcategories")} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Adding…" : "Add to quiz"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
