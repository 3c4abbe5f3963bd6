import type { Metadata } from "next";
import { TimeZoneForm } from "@/components/settings/time-zone-form";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { loadStoredTimeZone, readerTimeZone } from "@/lib/calendar/reader-time-zone";
import { timeZoneChoices } from "@/lib/calendar/time-zone";

export const metadata: Metadata = { title: "Calendar and time zone" };
export const dynamic = "force-dynamic";

// Every signed-in role chooses the zone it reads dates in, or follows its browser's.
export default async function CalendarSettingsPage() {
  const user = await requireUser("/settings/calendar");
  const [stored, current] = await Promise.all([loadStoredTimeZone(db, user), readerTimeZone(user)]);
  // The runtime's list, with a stored spelling it lists under another name (Asia/Kolkata).
  const zones = timeZoneChoices(stored);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">Calendar and time zone</h1>
        <p className="text-ink-muted">
          Dates and times are shown in <strong className="text-ink">{current}</strong>
          {stored ? ", the zone you chose." : ", your browser's zone (or UTC until your browser has told us)."}
        </p>
      </header>
      <section aria-labelledby="time-zone-heading" className="flex flex-col gap-3">
        <h2 id="time-zone-heading" className="text-lg font-semibold">
          Time zone
        </h2>
        <TimeZoneForm initial={stored ?? ""} zones={zones} />
      </section>
    </div>
  );
}
