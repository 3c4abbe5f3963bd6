"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { startThreadAction } from "@/lib/discussions/actions/start-thread-action";
import { startThreadSchema } from "@/lib/discussions/schemas";

interface Props {
  courseId: string;
  courseSlug: string;
  lessons: { id: string; title: string; moduleTitle: string }[];
  /** The lesson chosen from the lesson page's "Discuss this lesson". */
  lessonId: string | null;
}

/** A thread's title, its lesson (optional) and its opening post; opens the new thread. */
export function NewThreadForm({ courseId, courseSlug, lessons, lessonId }: Props) {
  const router = useRouter();
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting, isSubmitSuccessful },
  } = useActionForm({
    schema: startThreadSchema,
    action: startThreadAction,
    defaultValues: { courseId, lessonId: lessonId ?? "", title: "", body: "" },
    onSuccess: ({ threadId }) => router.push(`/learn/${courseSlug}/discussions/${threadId}`),
  });

  const pending = isSubmitting || isSubmitSuccessful;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <input type="hidden" {...register("courseId")} />
      <TextField label="Title" maxLength={200} error={errors.title?.message} {...register("title")} />
      <SelectField
        label="Lesson (optional)"
        options={[
          { value: "", label: "The whole course" },
          ...lessons.map((lesson) => ({ value: lesson.id, label: `${lesson.moduleTitle} · ${lesson.title}` })),
        ]}
        {...register("lessonId")}
      />
      {errors.lessonId?.message ? <p className="text-sm text-danger-700">{errors.lessonId.message}</p> : null}
      <TextAreaField label="Message" hint="Markdown is supported." rows={8} error={errors.body?.message} {...register("body")} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Starting…" : "Start thread"}
        </Button>
      </div>
    </form>
  );
}
