import { db } from "@/db";
import { calendarResponse, feedCalendarText } from "@/lib/calendar/calendar-files";
import { feedReaderOf } from "@/lib/calendar/feed-token";
import { countHit, readLimit } from "@/lib/security/rate-counter";

// GET /api/calendar/feed/<token>.ics: a user's private calendar, fetched by a
// calendar app with no cookie (the token in the address is the authority, so
// nothing here reads a session, and a GET changes nothing but the fetch time
// and the rate counter). An unknown, replaced or revoked token, or a
// deactivated user, is simply not found.

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

const windowMs = 60_000;

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!file.endsWith(".ics")) return notFound();
  const now = new Date();
  const reader = await feedReaderOf(db, file.slice(0, -".ics".length), now);
  if (!reader) return notFound();
  // Counted per feed once it is known: an app polling too often is slowed, and guesses cost a lookup only.
  const limit = readLimit(process.env, "CALENDAR_FEED_RATE_LIMIT", 30);
  const verdict = await countHit(db, [{ bucket: `calendar-feed:${reader.id}`, limit, windowMs }], now);
  if (verdict.limited) {
    const retryAfter = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    return new Response(`Too many requests: try again in ${retryAfter} seconds.`, {
      status: 429,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(retryAfter), "Cache-Control": "no-store" },
    });
  }
  return calendarResponse(request, await feedCalendarText(db, reader, now), { cacheControl: "private, max-age=300" });
}
