"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { timeZoneCookie } from "@/lib/calendar/time-zone";

const yearSeconds = 365 * 24 * 60 * 60;

/**
 * Tells the server the browser's time zone, in a cookie, for readers who
 * have not chosen one in settings: the calendar, due dates and lock dates are
 * then rendered in it. When the cookie was missing or stale (a first visit, a
 * trip) and this page shows times in another zone (its elements say which in
 * `data-time-zone`), the page is fetched again in the right one. A page with
 * no times is left alone: fetching it again would only cost a render and
 * change what it shows (a not-found page's request id).
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
    const shownIn = Array.from(document.querySelectorAll<HTMLElement>("[data-time-zone]"), (element) => element.dataset.timeZone);
    // A zone chosen in settings wins over the browser's, so only a page drawn without the cookie is stale.
    if (shownIn.some((shown) => shown !== zone)) router.refresh();
  }, [router]);
  return null;
}
