"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalTime } from "@/components/ui/local-time";
import { countOf } from "@/components/ui/plural";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { copyCourseAction } from "@/lib/course-transfer/actions/copy-course-action";
import { maxDateOffsetDays, transferOptionsSchema } from "@/lib/course-transfer/transfers/transfer-options";
import { dateShiftFieldProps } from "./date-shift-field";

// The command's schema without the course, which the page names (transfer-commands.ts is server-only).
const copyFormSchema = transferOptionsSchema.pick({ title: true, dateOffsetDays: true });

const dayMs = 24 * 60 * 60 * 1000;

/** The calendar day a moment falls on where the reader is, as UTC midnight, so that days between two are whole. */
function localDay(moment: Date): number {
  return Date.UTC(moment.getFullYear(), moment.getMonth(), moment.getDate());
}

/** Days from the course's first due date to the chosen first date of the new term ("2026-09-07"), or null while it is incomplete. */
function daysUntil(firstDueAt: Date, chosen: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(chosen);
  if (!match) return null;
  const target = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isFinite(target) ? Math.round((target - localDay(firstDueAt)) / dayMs) : null;
}

/** A whole number of days as the field holds it, or null when it is not one (the field's error says so). */
function wholeDays(value: unknown): number | null {
  const days = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : 0;
  return Number.isInteger(days) && Math.abs(days) <= maxDateOffsetDays ? days : null;
}

interface CopyCourseFormProps {
  courseId: string;
  courseTitle: string;
  /** ISO instants of the course's earliest and latest due dates; null when it has none. */
  firstDueAt: string | null;
  lastDueAt: string | null;
  dueDateCount: number;
}

/**
 * The copy's title and how far its due dates move. The new term's first date
 * can be picked instead of counting days: the count is worked out from the
 * course's first due date, and the moved first and last dates are shown.
 */
export function CopyCourseForm({ courseId, courseTitle, firstDueAt, lastDueAt, dueDateCount }: CopyCourseFormProps) {
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);
  const [termStart, setTermStart] = useState("");
  const {
    register,
    control,
    setValue,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: copyFormSchema,
    action: (values) => copyCourseAction({ courseId, ...values }),
    defaultValues: { title: `${courseTitle} (copy)`.slice(0, 200), dateOffsetDays: 0 },
    onSuccess: ({ transferId }) => {
      setLeaving(true);
      router.push(`/teacher/transfers/${transferId}`);
    },
  });
  const days = wholeDays(useWatch({ control, name: "dateOffsetDays" }));
  const first = firstDueAt ? new Date(firstDueAt) : null;
  const last = lastDueAt ? new Date(lastDueAt) : null;
  const busy = isSubmitting || leaving;

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Copy course" className="flex flex-col gap-6 rounded-card border border-slate-200 bg-white p-5 shadow-sm">
      <FormAlert message={formError} />
      <TextField
        label="Title of the copy"
        autoComplete="off"
        maxLength={200}
        hint="Up to 200 characters. The copy is a new draft course of yours; students see it only once you publish it."
        error={errors.title?.message}
        {...register("title")}
      />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold">Due dates</legend>
        {first && last ? (
          <p className="text-sm">
            {dueDateCount === 1 ? (
              <>
                The course has one due date: <LocalTime value={first} className="font-medium" />.
              </>
            ) : (
              <>
                The course&apos;s {countOf(dueDateCount, "due date")} run from <LocalTime value={first} className="font-medium" /> to{" "}
                <LocalTime value={last} className="font-medium" />.
              </>
            )}
          </p>
        ) : (
          <p className="text-sm text-ink-muted">The course has no due dates, so there is nothing to move.</p>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            {...dateShiftFieldProps}
            error={errors.dateOffsetDays?.message}
            {...register("dateOffsetDays", { onChange: () => setTermStart("") })}
          />
          {first ? (
            <TextField
              label="Or pick the new first due date"
              type="date"
              value={termStart}
              hint="The days are counted for you from the course's first due date."
              onChange={(event) => {
                setTermStart(event.target.value);
                const counted = daysUntil(first, event.target.value);
                if (counted !== null) setValue("dateOffsetDays", counted, { shouldValidate: true, shouldDirty: true });
              }}
            />
          ) : null}
        </div>
        <div aria-live="polite">
          {first && last && days !== null && days !== 0 ? (
            <p className="rounded-md bg-slate-50 px-3 py-2 text-sm">
              In the copy, the first due date is <LocalTime value={new Date(first.getTime() + days * dayMs)} className="font-medium" />
              {dueDateCount > 1 ? (
                <>
                  {" "}and the last <LocalTime value={new Date(last.getTime() + days * dayMs)} className="font-medium" />
                </>
              ) : null}
              .
            </p>
          ) : null}
        </div>
      </fieldset>
      <p className="text-sm text-ink-muted">
        The copy has every module and lesson with new copies of their files, the question bank, quizzes and assignments; never the students or
        their work. It is made in the background: the next page shows how far it is.
      </p>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Copying…" : "Copy course"}
        </Button>
      </div>
    </form>
  );
}
