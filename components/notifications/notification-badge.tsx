"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { subscribeToNotifications } from "./notification-stream";

export const badgeLabel = (unread: number) => (unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread");

/** The header's bell: the unread count, kept live by the notification stream. */
export function NotificationBadge({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  // A server render (navigation, router.refresh) brings a newer count.
  const [seenInitial, setSeenInitial] = useState(initialUnread);
  if (seenInitial !== initialUnread) {
    setSeenInitial(initialUnread);
    setUnread(initialUnread);
  }
  const [announcement, setAnnouncement] = useState("");

  useEffect(
    () =>
      subscribeToNotifications((update) => {
        setUnread(update.unread);
        if (update.fresh) setAnnouncement(`New notification. ${badgeLabel(update.unread)}.`);
      }),
    [],
  );

  return (
    <>
      <Link
        href="/notifications"
        aria-label={badgeLabel(unread)}
        data-unread={unread}
        className="relative inline-flex size-10 items-center justify-center rounded-md text-ink hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" className="size-6">
          <path strokeLinecap="round" strokeLinejoin="round" d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path strokeLinecap="round" strokeLinejoin="round" d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span
            aria-hidden="true"
            className="absolute -right-0.5 -top-0.5 grid h-5 min-w-5 place-items-center rounded-full bg-red-700 px-1 text-xs font-bold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </Link>
      <span role="status" aria-live="polite" className="sr-only">
        {announcement}
      </span>
    </>
  );
}
