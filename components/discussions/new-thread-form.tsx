"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
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
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isSubmitSuccessful },
  } = useForm<z.input<typeof startThreadSchema>, unknown, z.output<typeof startThreadSchema>>({
    resolver: zodResolver(startThreadSchema),
    defaultValues: { courseId, lessonId: lessonId ?? "", title: "", body: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await startThreadAction(values);
    if (!result.ok) {
      setFormError(applyResultErrors(result, setError));
      return;
    }
    router.push(`/learn/${courseSlug}/discussions/${result.data.threadId}`);
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
