import type { Metadata } from "next";
import Link from "next/link";
import { CalendarFeedPanel } from "@/components/settings/calendar-feed-panel";
import { LocalTime } from "@/components/ui/local-time";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { feedWindow } from "@/lib/calendar/calendar-files";
import { loadCalendarFeed } from "@/lib/calendar/feed-token";

export const metadata: Metadata = { title: "Calendar feed" };
export const dynamic = "force-dynamic";

const steps = "list-decimal space-y-1 pl-5";

// Every signed-in role may subscribe to its own dates from Google Calendar, Outlook or Apple Calendar.
export default async function CalendarFeedPage() {
  const user = await requireUser("/settings/calendar-feed");
  const feed = await loadCalendarFeed(db, user);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Calendar feed</h1>
        <p className="text-ink-muted">
          A private address your calendar app subscribes to: your due dates (your own, when a teacher changed one for you), the dates lessons
          and tasks open for you, and your courses&apos; events, from {feedWindow.pastDays} days ago to {feedWindow.futureDays} days ahead.
          Changes show up the next time your app fetches it. Each course&apos;s page also has a one-off download of its dates.
        </p>
        <p className="text-sm">
          <Link href="/calendar" className="font-medium text-brand-700 underline">
            Open the calendar
          </Link>{" "}
          ·{" "}
          <Link href="/settings/calendar" className="font-medium text-brand-700 underline">
            Choose your time zone
          </Link>
        </p>
      </header>

      <section aria-labelledby="address-heading" className="flex flex-col gap-3">
        <h2 id="address-heading" className="text-lg font-semibold">
          Your address
        </h2>
        {feed ? (
          <p>
            You have an address, made <LocalTime value={feed.createdAt} />.{" "}
            {feed.lastFetchedAt ? (
              <>
                A calendar app last fetched it <LocalTime value={feed.lastFetchedAt} />.
              </>
            ) : (
              "No calendar app has fetched it yet."
            )}{" "}
            It is shown only once, when it is made: if you no longer have it, make a new one (the old one then stops working).
          </p>
        ) : (
          <p>You have no calendar address. Make one, then add it to your calendar app as below.</p>
        )}
        <CalendarFeedPanel hasFeed={feed !== null} />
      </section>

      <section aria-labelledby="subscribe-heading" className="flex flex-col gap-4">
        <h2 id="subscribe-heading" className="text-lg font-semibold">
          Adding it to your calendar
        </h2>
        <div>
          <h3 className="font-semibold">Google Calendar</h3>
          <ol className={steps}>
            <li>On a computer, open calendar.google.com.</li>
            <li>Beside “Other calendars”, choose + and then “From URL”.</li>
            <li>Paste the https address and choose “Add calendar”. It then shows on your phone too.</li>
          </ol>
          <p className="text-sm text-ink-muted">Google fetches subscribed calendars on its own schedule: a change can take up to a day to appear.</p>
        </div>
        <div>
          <h3 className="font-semibold">Outlook</h3>
          <ol className={steps}>
            <li>Outlook on the web, Outlook.com or the new Outlook: open the calendar, choose “Add calendar”, then “Subscribe from web”.</li>
            <li>Paste the https address, give the calendar a name and choose “Import”.</li>
            <li>Classic Outlook for Windows: Home → Add Calendar → From Internet, and paste the webcal address.</li>
          </ol>
          <p className="text-sm text-ink-muted">Outlook refreshes a subscribed calendar every few hours.</p>
        </div>
        <div>
          <h3 className="font-semibold">Apple Calendar</h3>
          <ol className={steps}>
            <li>On a Mac: File → New Calendar Subscription, paste the address, and set “Auto-refresh” to every hour.</li>
            <li>On an iPhone or iPad: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar, and paste the address.</li>
            <li>Or choose “Open it in your calendar app” when you make the address.</li>
          </ol>
        </div>
      </section>

      <section aria-labelledby="stop-heading" className="flex flex-col gap-2">
        <h2 id="stop-heading" className="text-lg font-semibold">
          Stopping it
        </h2>
        <p>
          Revoke the address here if you no longer use it or may have shared it: it stops working at once. Then remove the subscribed calendar in
          your app, which otherwise keeps the dates it fetched last.
        </p>
      </section>
    </div>
  );
}
