"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldMessages } from "@/components/ui/field-messages";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveNotificationPreferencesAction } from "@/lib/email/actions/save-preferences-action";
import { channelLabels, notificationChannels, notificationPreferencesSchema, type NotificationPreferencesInput } from "@/lib/email/preferences-schema";
import { notificationTypes } from "@/lib/notifications/types";

/** One radio group per kind of notification, and the daily digest; the server checks the same schema. */
export function NotificationPreferencesForm({ initial, digestHour }: { initial: NotificationPreferencesInput; digestHour: number }) {
  const [saved, setSaved] = useState(false);
  const {
    register,
    reset,
    formError,
    onSubmit,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema: notificationPreferencesSchema,
    action: (values: NotificationPreferencesInput) => {
      setSaved(false);
      return saveNotificationPreferencesAction(values);
    },
    defaultValues: initial,
    onSuccess: (data) => {
      reset(data);
      setSaved(true);
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <FormAlert message={formError ?? errors.preferences?.root?.message ?? errors.preferences?.message} />
      {initial.preferences.map((row, index) => {
        const info = notificationTypes.find((t) => t.type === row.type)!;
        const fieldId = `channel-${index}`;
        const error = errors.preferences?.[index]?.channel?.message;
        return (
          <fieldset
            key={row.type}
            aria-describedby={`${fieldId}-hint${error ? ` ${fieldId}-error` : ""}`}
            className="rounded-card border border-slate-200 bg-white p-4 shadow-sm"
          >
            <legend className="px-1 font-semibold">{info.label}</legend>
            <FieldMessages fieldId={fieldId} hint={info.description} />
            <div className="mt-3 grid gap-2 sm:grid-cols-4">
              {notificationChannels.map((channel) => (
                <label key={channel} className="flex items-center gap-2 text-sm">
                  <input type="radio" value={channel} className="h-4 w-4" {...register(`preferences.${index}.channel`)} />
                  {channelLabels[channel]}
                </label>
              ))}
            </div>
            {error ? (
              <p id={`${fieldId}-error`} className="mt-1 text-sm text-danger-700">
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}

      <div className="flex items-start gap-2 rounded-card border border-slate-200 bg-white p-4 shadow-sm">
        <input id="digest" type="checkbox" className="mt-1 h-4 w-4" aria-describedby="digest-hint" {...register("digest")} />
        <label htmlFor="digest" className="text-sm">
          <span className="font-medium">Send me one daily digest instead of separate emails</span>
          <span id="digest-hint" className="block text-ink-muted">
            Everything you chose to receive by email arrives together once a day, from {String(digestHour).padStart(2, "0")}:00 UTC.
          </span>
        </label>
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save choices"}
        </Button>
        <p role="status" className="text-sm font-medium text-success-700">
          {saved ? "Your choices are saved." : ""}
        </p>
      </div>
    </form>
  );
}
