"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveTimeZoneAction } from "@/lib/calendar/actions/save-time-zone-action";
import { timeZoneSettingSchema, type TimeZoneSettingInput } from "@/lib/calendar/time-zone-setting";

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** Chooses the zone dates are shown in, or the browser's; the server checks the same schema. */
export function TimeZoneForm({ initial, zones }: { initial: string; zones: readonly string[] }) {
  const [saved, setSaved] = useState(false);
  // Known only in the browser; the server's first render says so plainly.
  const detected = useSyncExternalStore(subscribe, browserZone, () => null);
  const {
    register,
    reset,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: timeZoneSettingSchema,
    action: (values: TimeZoneSettingInput) => {
      setSaved(false);
      return saveTimeZoneAction(values);
    },
    defaultValues: { timeZone: initial },
    onSuccess: (data) => {
      reset({ timeZone: data.timeZone ?? "" });
      setSaved(true);
    },
    showFormError: (fieldErrors) => !fieldErrors.timeZone,
  });
  const options = [
    { value: "", label: detected ? `Use my browser's time zone (${detected})` : "Use my browser's time zone" },
    ...zones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") })),
  ];

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 rounded-card border border-slate-200 bg-white p-5 shadow-sm">
      <FormAlert message={formError} />
      <SelectField
        label="Time zone"
        hint="The calendar, due dates and event times are shown in this zone."
        options={options}
        error={errors.timeZone?.message}
        {...register("timeZone")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save time zone"}
        </Button>
        <p role="status" className="text-sm font-medium text-success-700">
          {saved ? "Your time zone is saved." : ""}
        </p>
      </div>
    </form>
  );
}
