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
  /** The sections the thread may be for (none: the choice is not shown). */
  sections?: { id: string; name: string }[];
  /** A section teacher starts threads in its sections only: no "whole course". */
  sectionsOnly?: boolean;
}

/** A thread's title, its lesson (optional), its section (optional) and its opening post; opens the new thread. */
export function NewThreadForm({ courseId, courseSlug, lessons, lessonId, sections = [], sectionsOnly = false }: Props) {
  const router = useRouter();
  const {
    register,
    formError,
    onSubmit,
    formState: { errors, isSubmitting, isSubmitSuccessful },
  } = useActionForm({
    schema: startThreadSchema,
    action: startThreadAction,
    defaultValues: { courseId, lessonId: lessonId ?? "", sectionId: sectionsOnly && sections.length === 1 ? sections[0]!.id : "", title: "", body: "" },
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
      {sections.length > 0 ? (
        <SelectField
          label={sectionsOnly ? "Section" : "For (optional)"}
          options={[
            ...(sectionsOnly ? [{ value: "", label: "Choose a section" }] : [{ value: "", label: "The whole course" }]),
            ...sections.map((section) => ({ value: section.id, label: `Section ${section.name} only` })),
          ]}
          error={errors.sectionId?.message}
          {...register("sectionId")}
        />
      ) : null}
      <TextAreaField label="Message" hint="Markdown is supported." rows={8} error={errors.body?.message} {...register("body")} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Starting…" : "Start thread"}
        </Button>
      </div>
    </form>
  );
}
