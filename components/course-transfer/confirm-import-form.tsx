"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldMessages, fieldMessageIds } from "@/components/ui/field-messages";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { cancelImportAction } from "@/lib/course-transfer/actions/cancel-import-action";
import { confirmImportAction } from "@/lib/course-transfer/actions/confirm-import-action";
import { transferOptionsSchema } from "@/lib/course-transfer/transfers/transfer-options";
import { dateShiftFieldProps } from "./date-shift-field";

const withWorkId = "import-with-work";
const withWorkHint = "Students are matched by email with this site's student accounts; work of people with no account here is left out and counted in the report.";

interface ConfirmImportFormProps {
  transferId: string;
  /** The package's course title, the new course's unless changed. */
  title: string;
  /** A Common Cartridge names no subject of ours: the importer gives one. */
  asksSubject: boolean;
  /** The backup holds enrolments and work, which may be restored too. */
  hasWork: boolean;
}

/**
 * The choices for an uploaded package (the new course's title, how far its due
 * dates move, a cartridge's subject, a backup's work) and the two ways on:
 * import it, or drop it.
 */
export function ConfirmImportForm({ transferId, title, asksSubject, hasWork }: ConfirmImportFormProps) {
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const {
    register,
    formError,
    setFormError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: transferOptionsSchema,
    action: (values) => confirmImportAction({ transferId, ...values }),
    defaultValues: { title, dateOffsetDays: 0, withWork: false, subject: "" },
    onSuccess: () => {
      setLeaving(true);
      // The same page, now showing the import's progress.
      router.refresh();
    },
  });
  const busy = isSubmitting || leaving || cancelling;
  const withWorkError = errors.withWork?.message;
  const withWorkIds = fieldMessageIds(withWorkId, withWorkHint, withWorkError);

  async function cancel() {
    setFormError(null);
    setCancelling(true);
    try {
      const result = await cancelImportAction({ transferId });
      if (!result.ok) {
        setFormError(result.error);
        setCancelling(false);
        return;
      }
      router.push("/teacher/courses/import?cancelled=1");
    } catch {
      setFormError("The request could not be sent. Check your connection and try again.");
      setCancelling(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Import the course" className="flex flex-col gap-5 rounded-card border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold">Import it as a new draft course</h2>
      <FormAlert message={formError} />
      <TextField
        label="Title of the new course"
        autoComplete="off"
        maxLength={200}
        hint="Up to 200 characters; the package's title when left empty."
        error={errors.title?.message}
        {...register("title")}
      />
      <TextField
        {...dateShiftFieldProps}
        error={errors.dateOffsetDays?.message}
        {...register("dateOffsetDays")}
      />
      {asksSubject ? (
        <TextField
          label="Subject"
          autoComplete="off"
          maxLength={60}
          hint="A cartridge names no subject: one in lower case, like physics or computer science. “general” when left empty."
          error={errors.subject?.message}
          {...register("subject")}
        />
      ) : null}
      {hasWork ? (
        <div>
          <div className="flex items-start gap-2">
            <input
              id={withWorkId}
              type="checkbox"
              className="mt-1 h-4 w-4"
              aria-invalid={withWorkError ? true : undefined}
              aria-describedby={withWorkIds.describedBy}
              {...register("withWork")}
            />
            <label htmlFor={withWorkId} className="text-sm font-medium">
              Also restore enrolments and work
            </label>
          </div>
          <FieldMessages fieldId={withWorkId} hint={withWorkHint} error={withWorkError} />
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          {isSubmitting || leaving ? "Starting the import…" : "Import"}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void cancel()}>
          {cancelling ? "Cancelling…" : "Cancel"}
        </Button>
      </div>
      <p className="text-sm text-ink-muted">Cancel drops the uploaded package; nothing is imported.</p>
    </form>
  );
}
