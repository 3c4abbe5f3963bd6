"use client";

import { useState } from "react";
import { MarkdownField } from "@/components/authoring/markdown-field";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { editAnnouncementAction } from "@/lib/announcements/actions/edit-announcement-action";
import { postAnnouncementAction } from "@/lib/announcements/actions/post-announcement-action";
import { composeAnnouncementSchema, type ComposeAnnouncementValues } from "@/lib/announcements/schemas";
import { AnnouncementAudienceFields } from "./announcement-audience-fields";

type Target =
  | { courseId: string; sections?: { id: string; name: string }[]; sectionsOnly?: boolean }
  | { announcementId: string; title: string; body: string };

/**
 * Posts a new announcement (with `courseId`) or edits one (with
 * `announcementId`). A new one goes to the whole course or to chosen sections
 * (the choice shows only when the course has sections); who it is for stays
 * as posted. Posting returns at once: the students are told by the worker,
 * so the form clears and says so.
 */
export function AnnouncementForm({ target, onDone, onCancel }: { target: Target; onDone?: () => void; onCancel?: () => void }) {
  const editing = "announcementId" in target;
  const [posted, setPosted] = useState(false);
  const sections = editing ? [] : (target.sections ?? []);
  const sectionsOnly = !editing && target.sectionsOnly === true;
  const blank = { title: "", body: "", audience: sectionsOnly ? "sections" : "course", sectionIds: [] } as const;
  const {
    register,
    getValues,
    watch,
    reset,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: composeAnnouncementSchema,
    action: ({ title, body, audience, sectionIds }: ComposeAnnouncementValues) => {
      setPosted(false);
      return editing
        ? editAnnouncementAction({ announcementId: target.announcementId, title, body })
        : postAnnouncementAction({ courseId: target.courseId, title, body, audience, sectionIds });
    },
    defaultValues: editing ? { title: target.title, body: target.body, audience: "course", sectionIds: [] } : { ...blank, sectionIds: [] },
    onSuccess: () => {
      if (!editing) {
        reset({ ...blank, sectionIds: [] });
        setPosted(true);
      }
      onDone?.();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <TextField label={editing ? "Title" : "Announcement title"} maxLength={200} error={errors.title?.message} {...register("title")} />
      <MarkdownField
        label={editing ? "Message (Markdown)" : "Announcement message (Markdown)"}
        hint="Markdown: **bold**, _italic_, # headings, - lists, [links](https://…)."
        error={errors.body?.message}
        getSource={() => getValues("body") ?? ""}
        {...register("body")}
      />
      {sections.length > 0 ? (
        <AnnouncementAudienceFields
          sections={sections}
          sectionsOnly={sectionsOnly}
          audience={watch("audience") === "sections" ? "sections" : "course"}
          register={register}
          error={errors.sectionIds as { message?: string } | undefined}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? (editing ? "Saving…" : "Posting…") : editing ? "Save announcement" : "Post announcement"}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <p role="status" className="text-sm font-semibold text-success-700">
          {posted ? "Posted: students will be notified." : ""}
        </p>
      </div>
    </form>
  );
}
