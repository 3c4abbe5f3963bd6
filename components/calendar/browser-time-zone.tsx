"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { timeZoneCookie } from "@/lib/calendar/time-zone";

const yearSeconds = 365 * 24 * 60 * 60;

/**
 * Tells the server the browser's time zone, in a cookie, for readers who
 * have not chosen one in settings: the calendar and due dates are then
 * rendered in it. When the cookie was missing or stale (a first visit, a
 * trip), the page is fetched again in the right zone.
 */
export function BrowserTimeZone() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const current = document.cookie
      .split("; ")
      .find((entry) => entry.startsWith(`${timeZoneCookie}=`))
      ?.slice(timeZoneCookie.length + 1);
    if (current !== undefined && decodeURIComponent(current) === zone) return;
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${timeZoneCookie}=${encodeURIComponent(zone)}; path=/; max-age=${yearSeconds}; samesite=lax${secure}`;
    router.refresh();
  }, [router]);
  return null;
}
