"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type ReactNode } from "react";
import type { DefaultValues, FieldErrors, Path } from "react-hook-form";
import type { z } from "zod";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalTime } from "@/components/ui/local-time";
import { SelectField } from "@/components/ui/select-field";
import { TableContainer } from "@/components/ui/table-container";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import type { OverrideFormFieldsInput, OverrideFormFieldsValues } from "@/lib/pacing/override-fields";
import { browserTimeZone, formatInstant, instantToWallTime } from "@/lib/pacing/wall-time";

// The one manager of a task's overrides, whoever they are for (a student or a
// section): OverrideManager and SectionOverrideManager only say who, with
// their own words, ids and actions.

export interface TargetOverride {
  id: string;
  target: { id: string; name: string };
  dueAt: Date | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
}

export type TargetFormInput<K extends string> = Record<K, string> & OverrideFormFieldsInput;
export type TargetFormValues<K extends string> = Record<K, string> & OverrideFormFieldsValues;

/** Who the overrides are for: the form's key field, the actions, and every word and id that differs. */
export interface OverrideTarget<K extends string> {
  /** The form's (and the action's) field naming the target: "userId" or "sectionId". */
  key: K;
  formSchema: (timeZone: string | null) => z.ZodType<TargetFormValues<K>, TargetFormInput<K>>;
  save: (input: { taskId: string } & TargetFormValues<K>) => Promise<ActionResult<unknown>>;
  remove: (taskId: string, targetId: string) => Promise<ActionResult<unknown>>;
  /** Who an override may be for, and the select's options for them (the blank choice first). */
  choices: { id: string; name: string }[];
  options: { value: string; label: string }[];
  ids: { list: string; form: string };
  text: {
    listHeading: string;
    listIntro?: ReactNode;
    empty: string;
    tableLabel: string;
    column: string;
    /** "the override of …", as the Edit and Remove buttons name one row. */
    overrideOf: (name: string) => string;
    unknownName: string;
    saved: (name: string) => string;
    removed: (name: string) => string;
    removeQuestion: (name: string) => string;
    addHeading: string;
    changeHeading: string;
    formIntro: ReactNode;
    noChoices: string;
    select: string;
    dueDate: string;
    submit: string;
  };
}

/** What the page hands either manager about the task. */
export interface OverrideTaskProps {
  taskId: string;
  isQuiz: boolean;
  /** The teacher's chosen zone; null: the browser's. */
  timeZone: string | null;
  /** The task's own values, shown as what a blank field keeps. */
  taskValues: { dueAt: Date | null; timeLimitMinutes: number | null; attemptsAllowed: number | null };
}

interface Props<K extends string> extends OverrideTaskProps {
  target: OverrideTarget<K>;
  overrides: TargetOverride[];
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

/** The form's values: the target's id (empty: none chosen yet) and the override's fields as typed text. */
function formInput<K extends string>(key: K, targetId: string, override?: TargetOverride, timeZone: string | null = null): TargetFormInput<K> {
  return {
    [key]: targetId,
    dueAt: override ? toInput(override.dueAt, timeZone) : "",
    timeLimitMinutes: override?.timeLimitMinutes == null ? "" : String(override.timeLimitMinutes),
    attemptsAllowed: override?.attemptsAllowed == null ? "" : String(override.attemptsAllowed),
  } as TargetFormInput<K>;
}

/**
 * A task's overrides (who, their due date, time limit, attempts) with Edit
 * and Remove, and the form that adds or changes one. Each change is a server
 * action; the page re-renders from the database.
 */
export function TargetOverrideManager<K extends string>({ target, taskId, isQuiz, overrides, timeZone, taskValues }: Props<K>) {
  const { key, text, ids } = target;
  const blank = formInput(key, "") as DefaultValues<TargetFormInput<K>>;
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
    schema: target.formSchema(timeZone),
    action: (values: TargetFormValues<K>) => target.save({ taskId, ...values }),
    defaultValues: blank,
    onSuccess: (_data, values) => {
      const name = target.choices.find((choice) => choice.id === values[key])?.name ?? text.unknownName;
      setStatus(text.saved(name));
      setEditing(null);
      reset(blank);
      router.refresh();
    },
  });
  // react-hook-form cannot resolve its field paths and errors through the generic K: name the fields plainly.
  const field = (name: string) => register(name as Path<TargetFormInput<K>>);
  const errorOf = (name: string) => (errors as FieldErrors as Record<string, { message?: string } | undefined>)[name]?.message;

  const edit = (override: TargetOverride) => {
    setEditing(override.target.id);
    setStatus("");
    reset(formInput(key, override.target.id, override, timeZone));
    formHeadingRef.current?.focus();
  };

  const remove = (override: TargetOverride) =>
    startTransition(async () => {
      setListError(null);
      const result = await target.remove(taskId, override.target.id);
      if (!result.ok) {
        setListError(result.error);
        return;
      }
      setStatus(text.removed(override.target.name));
      router.refresh();
    });

  const zoneText = timeZone ? `In ${timeZone} (your chosen time zone).` : "In your browser's time zone.";
  const keeps = (value: string) => `Leave empty to keep the task's: ${value}.`;

  return (
    <div className="flex flex-col gap-6">
      <p role="status" className="text-sm font-medium text-success-700">
        {status}
      </p>
      <section aria-labelledby={ids.list} className="flex flex-col gap-3">
        <h2 id={ids.list} className="text-lg font-semibold">
          {text.listHeading} <span className="font-normal text-ink-muted">({overrides.length})</span>
        </h2>
        {text.listIntro ? <p className="text-sm text-ink-muted">{text.listIntro}</p> : null}
        <FormAlert message={listError} />
        {overrides.length === 0 ? (
          <p className="text-ink-muted">{text.empty}</p>
        ) : (
          <TableContainer label={text.tableLabel}>
            <table className="w-full min-w-[36rem] text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">{text.column}</th>
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
                    <th scope="row" className="px-3 py-2 font-medium">{override.target.name}</th>
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
                          Edit<span className="sr-only"> {text.overrideOf(override.target.name)}</span>
                        </Button>
                        <ConfirmDelete
                          title={text.overrideOf(override.target.name)}
                          question={text.removeQuestion(override.target.name)}
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

      <section aria-labelledby={ids.form} className="rounded-card border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id={ids.form} ref={formHeadingRef} tabIndex={-1} className="mb-1 text-lg font-semibold">
          {editing ? text.changeHeading : text.addHeading}
        </h2>
        <p className="mb-4 text-sm text-ink-muted">{text.formIntro}</p>
        {target.choices.length === 0 ? (
          <p className="text-ink-muted">{text.noChoices}</p>
        ) : (
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            <FormAlert message={formError} />
            <SelectField label={text.select} options={target.options} error={errorOf(key)} {...field(key)} />
            <div className="grid gap-4 sm:grid-cols-3">
              <TextField
                label={text.dueDate}
                type="datetime-local"
                hint={`${zoneText} ${keeps(taskValues.dueAt ? formatInstant(taskValues.dueAt, timeZone ?? "UTC") : "no due date")}`}
                error={errorOf("dueAt")}
                {...field("dueAt")}
              />
              {isQuiz ? (
                <>
                  <TextField
                    label="Time limit (minutes)"
                    inputMode="numeric"
                    hint={keeps(taskValues.timeLimitMinutes === null ? "none" : `${taskValues.timeLimitMinutes} min`)}
                    error={errorOf("timeLimitMinutes")}
                    {...field("timeLimitMinutes")}
                  />
                  <TextField
                    label="Attempts"
                    inputMode="numeric"
                    hint={keeps(taskValues.attemptsAllowed === null ? "unlimited" : String(taskValues.attemptsAllowed))}
                    error={errorOf("attemptsAllowed")}
                    {...field("attemptsAllowed")}
                  />
                </>
              ) : null}
            </div>
            <div className="flex flex-wrap gap-3">
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? "Saving…" : text.submit}
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
