"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyResultErrors } from "@/components/ui/apply-result-errors";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { createCourseAction } from "@/lib/courses/actions/create-course-action";
import { updateCourseAction } from "@/lib/courses/actions/update-course-action";
import { courseLimits, courseSchema, type CourseInput, type CourseValues } from "@/lib/courses/schemas";
import { MarkdownField } from "./markdown-field";
import { ProgressScopeField } from "./progress-scope-field";
import { VisibilityField } from "./visibility-field";

export interface CourseFormValues {
  title: string;
  description: string;
  learningObjectives: string;
  prerequisites: string;
  subject: string;
  visibility: CourseValues["visibility"];
  enrollmentKey: string;
  /** All items when not given (a new course). */
  progressScope?: CourseValues["progressScope"];
}

interface CourseFormProps {
  /** The course being edited; none when creating one. */
  courseId?: string;
  initialValues: CourseFormValues;
  /** The three Markdown fields as the page rendered them, for the previews' first paint. */
  initialPreviews: Record<"description" | "learningObjectives" | "prerequisites", string>;
}

const markdownFields = [
  { name: "description", label: "Description", max: courseLimits.description, rows: 12 },
  { name: "learningObjectives", label: "Learning objectives", max: courseLimits.learningObjectives, rows: 6 },
  { name: "prerequisites", label: "Prerequisites", max: courseLimits.prerequisites, rows: 4 },
] as const;

const hints: Record<(typeof markdownFields)[number]["name"], string> = {
  description: "What the course is about, in Markdown: **bold**, *italic*, lists, [links](https://…).",
  learningObjectives: "What students will be able to do afterwards; a Markdown list reads well.",
  prerequisites: "What students should know first; leave empty when there is nothing.",
};

/**
 * Creates or edits a course's fields with the schema the server action uses,
 * so the same rules answer in the browser and on the server.
 */
export function CourseForm({ courseId, initialValues, initialPreviews }: CourseFormProps) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<CourseInput, unknown, CourseValues>({ resolver: zodResolver(courseSchema), defaultValues: { progressScope: "all", ...initialValues } });
  const watched = useWatch({ control });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    const result = courseId ? await updateCourseAction({ courseId, ...values }) : await createCourseAction(values);
    // A created course redirects to its editor and answers nothing.
    if (!result) return;
    if (!result.ok) {
      setFormError(applyResultErrors(result, setError));
      return;
    }
    // What was stored (trimmed, lower-cased subject, no key on a public course) becomes the form's new baseline.
    reset({ ...values, enrollmentKey: values.enrollmentKey ?? "" });
    setSaved(true);
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <FormAlert message={formError} />
      <TextField
        label="Title"
        hint="Up to 200 characters, e.g. “Mechanics: Motion and Forces”."
        error={errors.title?.message}
        {...register("title")}
      />
      <TextField
        label="Subject"
        autoComplete="off"
        hint="One subject in lower case, e.g. physics, chemistry, mathematics or computer science."
        error={errors.subject?.message}
        {...register("subject")}
      />
      <VisibilityField registration={register("visibility")} error={errors.visibility?.message} />
      {watched.visibility === "private" ? (
        <TextField
          label="Enrolment key"
          autoComplete="off"
          hint="4 to 100 characters. Give it to your students: they type it to join."
          error={errors.enrollmentKey?.message}
          {...register("enrollmentKey")}
        />
      ) : null}
      <ProgressScopeField registration={register("progressScope")} error={errors.progressScope?.message} />
      {markdownFields.map((field) => (
        <MarkdownField
          key={field.name}
          label={field.label}
          rows={field.rows}
          maxLength={field.max}
          hint={hints[field.name]}
          value={watched[field.name] ?? ""}
          initialHtml={initialPreviews[field.name]}
          error={errors[field.name]?.message}
          {...register(field.name)}
        />
      ))}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={isSubmitting}>
          {courseId ? (isSubmitting ? "Saving…" : "Save changes") : isSubmitting ? "Creating…" : "Create course"}
        </Button>
        <p role="status" className="text-sm font-semibold text-success-700">
          {saved && !isDirty ? "Saved" : ""}
        </p>
      </div>
    </form>
  );
}
