"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { Button } from "@/components/ui/button";
import { CopyableLink } from "@/components/ui/copyable-link";
import { FormAlert } from "@/components/ui/form-alert";
import { createCalendarFeedAction } from "@/lib/calendar/actions/create-calendar-feed-action";
import { revokeCalendarFeedAction } from "@/lib/calendar/actions/revoke-calendar-feed-action";

/**
 * Makes, replaces and revokes the calendar address. A new address comes back
 * once and lives only in this component's state (the server keeps its hash):
 * a reload never shows it again, and a lost one is replaced.
 */
export function CalendarFeedPanel({ hasFeed }: { hasFeed: boolean }) {
  const [created, setCreated] = useState<{ url: string; webcalUrl: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const createdRef = useRef<HTMLDivElement>(null);

  // Keyboard and screen reader users land on the new address, which they must copy now.
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  const create = () =>
    startTransition(async () => {
      setError(null);
      setCreated(null);
      const result = await createCalendarFeedAction({});
      if (result.ok) setCreated({ url: result.data.url, webcalUrl: result.data.webcalUrl });
      else setError(result.error);
    });

  const revoke = () =>
    startTransition(async () => {
      setError(null);
      setCreated(null);
      const result = await revokeCalendarFeedAction({});
      if (!result.ok) setError(result.error);
    });

  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={error} />
      {created ? (
        <div
          ref={createdRef}
          tabIndex={-1}
          role="region"
          aria-labelledby="new-feed-heading"
          className="flex flex-col gap-3 rounded-card border border-warning-800/30 bg-warning-50 p-4"
        >
          <h3 id="new-feed-heading" className="font-semibold">
            Your calendar address
          </h3>
          <p className="text-sm font-medium text-warning-800">
            Copy it now into your calendar app: it will not be shown again. Anyone with it can read your dates, so share it with nobody. If you
            lose it, make a new one.
          </p>
          <CopyableLink label="Calendar address (https)" value={created.url} />
          <CopyableLink label="Calendar address for Apple Calendar and Outlook on a computer (webcal)" value={created.webcalUrl} />
          <p className="text-sm">
            <a href={created.webcalUrl} className="font-medium text-brand-700 underline">
              Open it in your calendar app
            </a>{" "}
            (on a computer or phone with a calendar app that subscribes to webcal links).
          </p>
          <div>
            <Button type="button" variant="secondary" onClick={() => setCreated(null)}>
              I have copied it
            </Button>
          </div>
        </div>
      ) : null}

      <div className="flex flex-wrap items-start gap-3">
        {hasFeed ? (
          <>
            <ConfirmDelete
              title="calendar address"
              question="Make a new address? The current one stops working at once: calendars subscribed to it show no new dates until you subscribe again with the new one."
              disabled={pending}
              onConfirm={create}
              verb={{ label: "Make a new address", gerund: "replacing" }}
            />
            <ConfirmDelete
              title="calendar address"
              question="Revoke the address? Calendars subscribed to it get nothing more. Remove the calendar in your app too."
              disabled={pending}
              onConfirm={revoke}
              verb={{ label: "Revoke", gerund: "revoking" }}
            />
          </>
        ) : (
          <Button type="button" onClick={create} disabled={pending}>
            {pending ? "Making the address…" : "Make my calendar address"}
          </Button>
        )}
      </div>
    </div>
  );
}
