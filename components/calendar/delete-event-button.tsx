"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { FormAlert } from "@/components/ui/form-alert";
import { deleteCourseEventAction } from "@/lib/calendar/actions/delete-course-event-action";

/** Delete, after a confirmation in place; then the list of the course's events. */
export function DeleteEventButton({ event, listHref }: { event: { id: string; title: string }; listHref?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [deleting, startDelete] = useTransition();
  const remove = () =>
    startDelete(async () => {
      setError(null);
      const result = await deleteCourseEventAction({ eventId: event.id });
      if (!result.ok) setError(result.error);
      else if (listHref) router.push(`${listHref}?deleted=1`);
    });
  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={error} />
      <ConfirmDelete
        title={event.title}
        question={`Delete “${event.title}”? It leaves every student's calendar, including the repeats.`}
        disabled={deleting}
        onConfirm={remove}
      />
    </div>
  );
}
