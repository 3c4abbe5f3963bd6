// The browser's time zone as this request's `tz` cookie carries it
// (components/calendar/browser-time-zone.tsx sets it), for readers who chose
// no zone in settings. Null outside a request (scripts, the worker, tests that
// call a loader directly) and when the cookie is missing or not a zone.
import { normalizeTimeZone, timeZoneCookie } from "./time-zone";

export async function browserZoneOfRequest(): Promise<string | null> {
  try {
    const { cookies } = await import("next/headers");
    const jar = await cookies();
    return normalizeTimeZone(jar.get(timeZoneCookie)?.value);
  } catch {
    // cookies() throws when there is no request to read.
    return null;
  }
}
