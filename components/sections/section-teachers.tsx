"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { addTeacherAction } from "@/lib/sections/actions/add-teacher-action";
import { removeTeacherAction } from "@/lib/sections/actions/remove-teacher-action";

interface Person {
  id: string;
  name: string;
}

/** The section's teachers with Remove, and a choice of another teacher to add. */
export function SectionTeachers({
  courseId,
  sectionId,
  teachers,
  candidates,
}: {
  courseId: string;
  sectionId: string;
  teachers: Person[];
  candidates: Person[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [choice, setChoice] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [status, setStatus] = useState("");

  const add = () =>
    startTransition(async () => {
      setError(null);
      setFieldError(undefined);
      if (!choice) return setFieldError("Choose a teacher.");
      const result = await addTeacherAction({ courseId, sectionId, userId: choice });
      if (!result.ok) {
        if (result.fieldErrors.userId) setFieldError(result.fieldErrors.userId[0]);
        else setError(result.error);
        return;
      }
      setStatus(`${candidates.find((candidate) => candidate.id === choice)?.name ?? "The teacher"} now teaches this section.`);
      setChoice("");
      router.refresh();
    });

  const remove = (teacher: Person) =>
    startTransition(async () => {
      setError(null);
      const result = await removeTeacherAction({ courseId, sectionId, userId: teacher.id });
      if (!result.ok) return setError(result.error);
      setStatus(`${teacher.name} no longer teaches this section.`);
      router.refresh();
    });

  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={error} />
      <p role="status" className="text-sm font-medium text-success-700">
        {status}
      </p>
      {teachers.length === 0 ? (
        <p className="text-ink-muted">No section teacher: only the course&apos;s teacher (and admins) see these students.</p>
      ) : (
        <ul aria-label="Section teachers" className="divide-y divide-slate-100 rounded-card border border-slate-200 bg-white">
          {teachers.map((teacher) => (
            <li key={teacher.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span className="min-w-0 break-words font-medium">{teacher.name}</span>
              <Button type="button" variant="secondary" className="px-2 py-1" disabled={pending} onClick={() => remove(teacher)}>
                Remove<span className="sr-only"> {teacher.name} as section teacher</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 ? (
        <form
          aria-label="Add a section teacher"
          className="flex flex-col gap-3 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <SelectField
            label="Teacher"
            className="sm:min-w-64"
            value={choice}
            onChange={(event) => setChoice(event.target.value)}
            error={fieldError}
            options={[{ value: "", label: "Choose a teacher" }, ...candidates.map((candidate) => ({ value: candidate.id, label: candidate.name }))]}
          />
          <Button type="submit" disabled={pending} className="sm:mb-[2px]">
            Add section teacher
          </Button>
        </form>
      ) : (
        <p className="text-sm text-ink-muted">Every other teacher of the site already teaches this section.</p>
      )}
    </div>
  );
}
