"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A moment shown in the reader's own time zone, named ("10 Dec 2026, 18:00
 * CET"). The server does not know the zone, so the first render (and a page
 * without JavaScript) says UTC; the browser replaces it on hydration.
 */
export function LocalTime({ value, className }: { value: Date | string; className?: string }) {
  const date = new Date(value);
  const text = useSyncExternalStore(
    subscribe,
    () => formatLocalTime(date, undefined),
    () => formatLocalTime(date, "UTC"),
  );
  return (
    <time dateTime={date.toISOString()} className={className}>
      {text}
    </time>
  );
}

export function formatLocalTime(date: Date, timeZone: string | undefined): string {
  // dateStyle and timeStyle cannot be combined with timeZoneName: the parts are spelled out.
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}
