"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalTime } from "@/components/ui/local-time";
import { SelectField } from "@/components/ui/select-field";
import { TableContainer } from "@/components/ui/table-container";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { removeSectionOverrideAction } from "@/lib/pacing/actions/remove-section-override-action";
import { saveSectionOverrideAction } from "@/lib/pacing/actions/save-section-override-action";
import { sectionOverrideFormSchema, type SectionOverrideFormInput, type SectionOverrideFormValues } from "@/lib/pacing/section-override-schemas";
import { browserTimeZone, formatInstant, instantToWallTime } from "@/lib/pacing/wall-time";

export interface ManagedSectionOverride {
  id: string;
  section: { id: string; name: string };
  dueAt: Date | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
}

interface Props {
  taskId: string;
  isQuiz: boolean;
  overrides: ManagedSectionOverride[];
  sections: { id: string; name: string; memberCount: number }[];
  /** The teacher's chosen zone; null: the browser's. */
  timeZone: string | null;
  /** The task's own values, shown as what a blank field keeps. */
  taskValues: { dueAt: Date | null; timeLimitMinutes: number | null; attemptsAllowed: number | null };
}

/** An instant shown in the teacher's chosen zone, or the browser's. */
function When({ value, timeZone }: { value: Date; timeZone: string | null }) {
  if (!timeZone) return <LocalTime value={value} />;
  return <time dateTime={value.toISOString()}>{formatInstant(value, timeZone)}</time>;
}

/** "2026-12-10T18:00" for a datetime-local input, in the chosen zone or the browser's. */
function toInput(value: Date | null, timeZone: string | null): string {
  return value ? instantToWallTime(value, timeZone ?? browserTimeZone()) : "";
}

const blank: SectionOverrideFormInput = { sectionId: "", dueAt: "", timeLimitMinutes: "", attemptsAllowed: "" };

/**
 * A task's section overrides (section, its due date, time limit, attempts)
 * with Edit and Remove, and the form that adds or changes one. A student's
 * own override still wins over its section's. Each change is a server action;
 * the page re-renders from the database.
 */
export function SectionOverrideManager({ taskId, isQuiz, overrides, sections, timeZone, taskValues }: Props) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [listError, setListError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const formHeadingRef = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const {
    register,
    reset,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: sectionOverrideFormSchema(timeZone),
    action: (values: SectionOverrideFormValues) => saveSectionOverrideAction({ taskId, ...values }),
    defaultValues: blank,
    onSuccess: (_data, values) => {
      const name = sections.find((section) => section.id === values.sectionId)?.name ?? "the section";
      setStatus(`Saved the override of section ${name}. Its students will be notified.`);
      setEditing(null);
      reset(blank);
      router.refresh();
    },
  });

  const edit = (override: ManagedSectionOverride) => {
    setEditing(override.section.id);
    setStatus("");
    reset({
      sectionId: override.section.id,
      dueAt: toInput(override.dueAt, timeZone),
      timeLimitMinutes: override.timeLimitMinutes === null ? "" : String(override.timeLimitMinutes),
      attemptsAllowed: override.attemptsAllowed === null ? "" : String(override.attemptsAllowed),
    });
    formHeadingRef.current?.focus();
  };

  const remove = (override: ManagedSectionOverride) =>
    startTransition(async () => {
      setListError(null);
      const result = await removeSectionOverrideAction({ taskId, sectionId: override.section.id });
      if (!result.ok) {
        setListError(result.error);
        return;
      }
      setStatus(`Removed the override of section ${override.section.name}: its students follow the task's own settings again.`);
      router.refresh();
    });

  const zoneText = timeZone ? `In ${timeZone} (your chosen time zone).` : "In your browser's time zone.";
  const keeps = (value: string) => `Leave empty to keep the task's: ${value}.`;

  return (
    <div className="flex flex-col gap-6">
      <p role="status" className="text-sm font-medium text-success-700">
        {status}
      </p>
      <section aria-labelledby="section-overrides-heading" className="flex flex-col gap-3">
        <h2 id="section-overrides-heading" className="text-lg font-semibold">
          Section overrides <span className="font-normal text-ink-muted">({overrides.length})</span>
        </h2>
        <p className="text-sm text-ink-muted">
          A section&apos;s settings apply to its students who have none of their own. A student in several sections gets the latest due
          date, the longest time limit and the most attempts among them.
        </p>
        <FormAlert message={listError} />
        {overrides.length === 0 ? (
          <p className="text-ink-muted">No section has its own settings for this task.</p>
        ) : (
          <TableContainer label="Section overrides">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">Section</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Due date</th>
                  {isQuiz ? (
                    <>
                      <th scope="col" className="px-3 py-2 font-semibold">Time limit</th>
                      <th scope="col" className="px-3 py-2 font-semibold">Attempts</th>
                    </>
                  ) : null}
                  <th scope="col" className="px-3 py-2 font-semibold">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {overrides.map((override) => (
                  <tr key={override.id} className="border-b border-slate-100 align-top last:border-0">
                    <th scope="row" className="px-3 py-2 font-medium">{override.section.name}</th>
                    <td className="px-3 py-2">{override.dueAt ? <When value={override.dueAt} timeZone={timeZone} /> : "The task's"}</td>
                    {isQuiz ? (
                      <>
                        <td className="px-3 py-2">{override.timeLimitMinutes === null ? "The quiz's" : `${override.timeLimitMinutes} min`}</td>
                        <td className="px-3 py-2">{override.attemptsAllowed === null ? "The quiz's" : override.attemptsAllowed}</td>
                      </>
                    ) : null}
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap gap-2">
                        <Button type="button" variant="secondary" className="px-2 py-1" disabled={pending} onClick={() => edit(override)}>
                          Edit<span className="sr-only"> the override of section {override.section.name}</span>
                        </Button>
                        <ConfirmDelete
                          title={`the override of section ${override.section.name}`}
                          question={`Remove the override of section ${override.section.name}? Its students will follow the task's own settings again (or their own override).`}
                          disabled={pending}
                          verb={{ label: "Remove", gerund: "removing" }}
                          onConfirm={() => remove(override)}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
        )}
      </section>

      <section aria-labelledby="section-override-form-heading" className="rounded-card border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="section-override-form-heading" ref={formHeadingRef} tabIndex={-1} className="mb-1 text-lg font-semibold">
          {editing ? "Change a section override" : "Give a section its own settings"}
        </h2>
        <p className="mb-4 text-sm text-ink-muted">
          Saving replaces the section&apos;s override, if it has one. Its students&apos; work already handed in is marked late or on time
          against the date that now applies to them.
        </p>
        {sections.length === 0 ? (
          <p className="text-ink-muted">This course has no sections yet.</p>
        ) : (
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            <FormAlert message={formError} />
            <SelectField
              label="Section"
              options={[
                { value: "", label: "Choose a section" },
                ...sections.map((section) => ({ value: section.id, label: `${section.name} (${section.memberCount} ${section.memberCount === 1 ? "student" : "students"})` })),
              ]}
              error={errors.sectionId?.message}
              {...register("sectionId")}
            />
            <div className="grid gap-4 sm:grid-cols-3">
              <TextField
                label="Section due date"
                type="datetime-local"
                hint={`${zoneText} ${keeps(taskValues.dueAt ? formatInstant(taskValues.dueAt, timeZone ?? "UTC") : "no due date")}`}
                error={errors.dueAt?.message}
                {...register("dueAt")}
              />
              {isQuiz ? (
                <>
                  <TextField
                    label="Time limit (minutes)"
                    inputMode="numeric"
                    hint={keeps(taskValues.timeLimitMinutes === null ? "none" : `${taskValues.timeLimitMinutes} min`)}
                    error={errors.timeLimitMinutes?.message}
                    {...register("timeLimitMinutes")}
                  />
                  <TextField
                    label="Attempts"
                    inputMode="numeric"
                    hint={keeps(taskValues.attemptsAllowed === null ? "unlimited" : String(taskValues.attemptsAllowed))}
                    error={errors.attemptsAllowed?.message}
                    {...register("attemptsAllowed")}
                  />
                </>
              ) : null}
            </div>
            <div className="flex flex-wrap gap-3">
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? "Saving…" : "Save section override"}
              </Button>
              {editing ? (
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => {
                    setEditing(null);
                    reset(blank);
                  }}
                >
                  Cancel
                </Button>
              ) : null}
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
