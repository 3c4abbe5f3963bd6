"use client";

import { useRef, useState, useTransition } from "react";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { FormAlert } from "@/components/ui/form-alert";
import { deleteAnnouncementAction } from "@/lib/announcements/actions/delete-announcement-action";
import { AnnouncementForm } from "./announcement-form";

/** Edit (in place) and Delete (after a confirmation) for one announcement on the teacher's page. */
export function AnnouncementControls({ announcement }: { announcement: { id: string; title: string; body: string } }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deleting, startDelete] = useTransition();
  const editButton = useRef<HTMLButtonElement>(null);

  const close = () => {
    setEditing(false);
    // Back to the button that opened the form, so keyboard users keep their place.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const remove = () =>
    startDelete(async () => {
      setError(null);
      const result = await deleteAnnouncementAction({ announcementId: announcement.id });
      if (!result.ok) setError(result.error);
    });

  if (editing) {
    return (
      <div className="rounded-md border border-slate-200 bg-slate-50 p-4">
        <AnnouncementForm
          target={{ announcementId: announcement.id, title: announcement.title, body: announcement.body }}
          onDone={close}
          onCancel={close}
        />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={error} />
      <div className="flex flex-wrap gap-2">
        <button
          ref={editButton}
          type="button"
          onClick={() => setEditing(true)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100"
        >
          Edit<span className="sr-only"> {announcement.title}</span>
        </button>
        <ConfirmDelete
          title={announcement.title}
          question={`Delete “${announcement.title}”? Students will no longer see it.`}
          disabled={deleting}
          onConfirm={remove}
        />
      </div>
    </div>
  );
}
