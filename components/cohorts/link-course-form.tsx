"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { linkCourseAction } from "@/lib/cohorts/actions/link-course-action";
import type { CourseOption } from "@/lib/cohorts/queries";
import { linkCourseSchema } from "@/lib/cohorts/schemas";

/** "Enrol in a course": every student member is enrolled now, and later members as they join. */
export function LinkCourseForm({ cohortId, courses }: { cohortId: string; courses: CourseOption[] }) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const {
    register,
    watch,
    setValue,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: linkCourseSchema,
    action: linkCourseAction,
    defaultValues: { cohortId, courseId: "", sectionId: "" },
    onSuccess: (data) => {
      setDone(
        `Enrolled ${data.enrolled} student${data.enrolled === 1 ? "" : "s"}` +
          (data.alreadyEnrolled > 0 ? `; ${data.alreadyEnrolled} already enrolled` : "") +
          (data.skipped > 0 ? `; ${data.skipped} member${data.skipped === 1 ? " is not a student" : "s are not students"}, skipped` : "") +
          ".",
      );
      router.refresh();
    },
  });
  const chosen = courses.find((course) => course.id === watch("courseId"));
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Enrol in a course" className="flex flex-col gap-3">
      <FormAlert message={formError} />
      <input type="hidden" {...register("cohortId")} />
      <SelectField
        label="Course"
        options={[{ value: "", label: "Choose a published course" }, ...courses.map((course) => ({ value: course.id, label: course.title }))]}
        error={errors.courseId?.message}
        {...register("courseId", { onChange: () => { setValue("sectionId", ""); setDone(null); } })}
      />
      {chosen && chosen.sections.length > 0 ? (
        <SelectField
          label="Section (optional)"
          options={[{ value: "", label: "No section" }, ...chosen.sections.map((section) => ({ value: section.id, label: section.name }))]}
          error={errors.sectionId?.message}
          {...register("sectionId")}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          Enrol the cohort
        </Button>
        <p role="status" className="text-sm">
          {done ?? ""}
        </p>
      </div>
    </form>
  );
}
