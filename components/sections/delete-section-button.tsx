"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { FormAlert } from "@/components/ui/form-alert";
import { deleteSectionAction } from "@/lib/sections/actions/delete-section-action";

/** Deletes the section after asking, then goes back to the course's sections. */
export function DeleteSectionButton({ courseId, section }: { courseId: string; section: { id: string; name: string } }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const remove = () =>
    startTransition(async () => {
      const result = await deleteSectionAction({ courseId, sectionId: section.id });
      if (!result.ok) return setError(result.error);
      router.push(`/teacher/courses/${courseId}/sections?deleted=${encodeURIComponent(result.data.name)}`);
    });
  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={error} />
      <ConfirmDelete
        title={`the section ${section.name}`}
        question={`Delete ${section.name}? Its students stay enrolled in the course, but lose this section, its teachers, its own dates and its own discussion threads.`}
        disabled={pending}
        onConfirm={remove}
      />
    </div>
  );
}
