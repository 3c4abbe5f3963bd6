"use client";

import { useRouter } from "next/navigation";
import { MarkdownField } from "@/components/authoring/markdown-field";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createCourseEventAction } from "@/lib/calendar/actions/create-course-event-action";
import { updateCourseEventAction } from "@/lib/calendar/actions/update-course-event-action";
import {
  courseEventFieldsSchema,
  eventLimits,
  repeatChoices,
  repeatLabels,
  type CourseEventInput,
  type CourseEventValues,
} from "@/lib/calendar/event-schemas";

type Target = { courseId: string } | { courseId: string; eventId: string };

/**
 * Adds an event to a course's calendar or changes one. Dates and times are
 * read in the chosen zone (the teacher's, by default); an all-day event has
 * dates only. Saved, it goes back to the course's events.
 */
export function CourseEventForm({ target, initial, zones }: { target: Target; initial: CourseEventInput; zones: readonly string[] }) {
  const router = useRouter();
  const editing = "eventId" in target;
  const listHref = `/teacher/courses/${target.courseId}/events`;
  const {
    register,
    watch,
    getValues,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: courseEventFieldsSchema,
    action: (values: CourseEventValues) =>
      "eventId" in target
        ? updateCourseEventAction({ eventId: target.eventId, ...values })
        : createCourseEventAction({ courseId: target.courseId, ...values }),
    defaultValues: initial,
    onSuccess: () => router.push(`${listHref}?${editing ? "saved" : "added"}=1`),
  });
  const allDay = watch("allDay");
  const repeat = watch("repeat");
  const ends = watch("ends");
  const message = (field: keyof CourseEventValues) => errors[field]?.message as string | undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <FormAlert message={formError} />
      <TextField label="Title" maxLength={eventLimits.title} autoComplete="off" error={message("title")} {...register("title")} />
      <TextField label="Place (optional)" maxLength={eventLimits.location} hint="A room, an address or a link." error={message("location")} {...register("location")} />

      <fieldset className="flex flex-col gap-4 rounded-card border border-slate-200 p-4">
        <legend className="px-1 font-semibold">When</legend>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" className="h-4 w-4" {...register("allDay")} />
          All day
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Start date" type="date" error={message("startDate")} {...register("startDate")} />
          {allDay ? null : <TextField label="Start time" type="time" hint="24-hour, e.g. 09:30" error={message("startTime")} {...register("startTime")} />}
          <TextField label={allDay ? "Last date" : "End date"} type="date" error={message("endDate")} {...register("endDate")} />
          {allDay ? null : <TextField label="End time" type="time" error={message("endTime")} {...register("endTime")} />}
        </div>
        {allDay ? null : (
          <SelectField
            label="Time zone"
            hint="The times above are in this zone, and a repeating event keeps its time in it when clocks change."
            options={zones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
            error={message("timeZone")}
            {...register("timeZone")}
          />
        )}
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-card border border-slate-200 p-4">
        <legend className="px-1 font-semibold">Repeat</legend>
        <SelectField label="Repeats" options={repeatChoices.map((value) => ({ value, label: repeatLabels[value] }))} error={message("repeat")} {...register("repeat")} />
        {repeat && repeat !== "none" ? (
          <>
            <TextField
              label={`Every how many ${repeat === "daily" ? "days" : repeat === "weekly" ? "weeks" : "months"}`}
              inputMode="numeric"
              hint={`1 for every ${repeat === "daily" ? "day" : repeat === "weekly" ? "week" : "month"}, 2 for every other one. A monthly event on the 29th to 31st skips the months without that day.`}
              error={message("interval")}
              {...register("interval")}
            />
            <div role="radiogroup" aria-label="Ends" className="flex flex-col gap-2">
              <p className="text-sm font-medium">Ends</p>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" value="count" className="h-4 w-4" {...register("ends")} />
                After a number of times
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" value="until" className="h-4 w-4" {...register("ends")} />
                On a date
              </label>
            </div>
            {ends === "until" ? (
              <TextField label="Last date" type="date" error={message("untilDate")} {...register("untilDate")} />
            ) : (
              <TextField label="Number of times" inputMode="numeric" hint={`At most ${eventLimits.count}.`} error={message("count")} {...register("count")} />
            )}
          </>
        ) : null}
      </fieldset>

      <MarkdownField
        label="Description (Markdown, optional)"
        hint="Markdown: **bold**, _italic_, - lists, [links](https://…)."
        error={message("description")}
        getSource={() => getValues("description") ?? ""}
        {...register("description")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : editing ? "Save event" : "Add event"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push(listHref)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
