"use client";

import { usePathname, useRouter } from "next/navigation";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createQuizAction } from "@/lib/quizzes/actions/create-quiz-action";
import { createQuizSchema } from "@/lib/quizzes/authoring/schemas";

const titleSchema = createQuizSchema.pick({ title: true });
type TitleInput = z.input<typeof titleSchema>;

/** Names a new quiz in a module; once created it opens in the editor, ready for settings and questions. */
export function AddQuizForm({
  courseId,
  moduleId,
  onDone,
  onCancel,
  announce,
}: {
  courseId: string;
  moduleId: string;
  onDone: () => void;
  onCancel: () => void;
  announce: (message: string) => void;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: titleSchema,
    action: ({ title }: TitleInput) => createQuizAction({ courseId, moduleId, title }),
    defaultValues: { title: "" },
    onSuccess: ({ taskId }, { title }) => {
      announce(`Quiz ${title.trim()} added as a draft.`);
      onDone();
      router.push(`${pathname}?quiz=${taskId}`, { scroll: false });
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="New quiz">
      <FormAlert message={formError} />
      <TextField label="Quiz title" error={errors.title?.message} {...register("title")} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create quiz"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
