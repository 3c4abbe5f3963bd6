"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { addLessonAction } from "@/lib/authoring/actions/add-lesson-action";
import { editLessonAction } from "@/lib/authoring/actions/edit-lesson-action";
import type { StructureLesson } from "@/lib/authoring/queries";
import { lessonContentTypeLabels, lessonContentTypes, lessonSchema, type LessonInput, type LessonValues } from "@/lib/authoring/schemas";
import { useStructureEditor } from "./editor-context";
import { FileUploadField, type UploadedFile } from "./file-upload-field";
import { MarkdownField } from "./markdown-field";

const typeOptions = lessonContentTypes.map((value) => ({ value, label: lessonContentTypeLabels[value] }));

// An empty number box is "no duration", not zero.
const toMinutes = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

/**
 * Adds a lesson to a module (with `moduleId`) or edits one (with `lesson`).
 * Every kind's fields are kept while the teacher switches kinds; the server
 * stores only what the chosen kind uses.
 */
export function LessonForm({
  moduleId,
  lesson,
  onDone,
  onCancel,
}: {
  moduleId?: string;
  lesson?: StructureLesson;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { courseId, announce } = useStructureEditor();
  const [formError, setFormError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [file, setFile] = useState<UploadedFile | null>(
    lesson?.file && lesson.fileId ? { id: lesson.fileId, name: lesson.file.name, sizeBytes: lesson.file.sizeBytes } : null,
  );
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    control,
    formState: { errors, isSubmitting },
  } = useForm<LessonInput, unknown, LessonValues>({
    resolver: zodResolver(lessonSchema),
    defaultValues: {
      title: lesson?.title ?? "",
      contentType: lesson?.contentType ?? "text",
      body: lesson?.body ?? "",
      externalUrl: lesson?.externalUrl ?? "",
      fileId: lesson?.fileId ?? null,
      durationMinutes: lesson?.durationMinutes ?? null,
    },
  });
  const contentType = useWatch({ control, name: "contentType" });

  const chooseFile = (next: UploadedFile | null) => {
    setFile(next);
    setValue("fileId", next?.id ?? null, { shouldDirty: true, shouldValidate: true });
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = lesson
      ? await editLessonAction({ courseId, lessonId: lesson.id, ...values })
      : await addLessonAction({ courseId, moduleId: moduleId!, ...values });
    if (!result.ok) {
      setFormError(applyResultErrors(result, setError));
      return;
    }
    announce(lesson ? `Lesson ${values.title} saved.` : `Lesson ${values.title} added.`);
    onDone();
  });

  const bodyLabel = contentType === "text" ? "Lesson text (Markdown)" : "Notes for students (Markdown, optional)";
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <TextField label="Lesson title" error={errors.title?.message} {...register("title")} />
        <SelectField label="Kind of lesson" options={typeOptions} {...register("contentType")} />
      </div>

      {contentType === "video" || contentType === "url" ? (
        <TextField
          key={contentType}
          label={contentType === "video" ? "Video link (YouTube or Vimeo)" : "Web address"}
          type="url"
          inputMode="url"
          placeholder={contentType === "video" ? "https://www.youtube.com/watch?v=…" : "https://…"}
          hint={contentType === "video" ? "Leave empty when you upload a video file below; an uploaded file is shown instead of a link." : undefined}
          error={errors.externalUrl?.message}
          {...register("externalUrl")}
        />
      ) : null}

      {contentType === "video" || contentType === "file" ? (
        <FileUploadField
          key={contentType}
          courseId={courseId}
          kind={contentType === "video" ? "video" : "document"}
          label={contentType === "video" ? "Or upload a video file (MP4 or WebM)" : "Document for students to download"}
          file={file}
          error={errors.fileId?.message}
          onChange={chooseFile}
          onBusyChange={setUploading}
        />
      ) : null}

      <MarkdownField
        label={bodyLabel}
        hint="Markdown: **bold**, _italic_, # headings, - lists, [links](https://…)."
        error={errors.body?.message}
        getSource={() => getValues("body") ?? ""}
        {...register("body")}
      />

      <TextField
        label="Duration in minutes (optional)"
        type="number"
        inputMode="numeric"
        min={0}
        max={1440}
        className="max-w-xs"
        error={errors.durationMinutes?.message}
        {...register("durationMinutes", { setValueAs: toMinutes })}
      />

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting || uploading}>
          {uploading ? "Uploading…" : isSubmitting ? "Saving…" : lesson ? "Save lesson" : "Add lesson"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
