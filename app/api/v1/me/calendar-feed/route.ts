import { createMyCalendarFeedContract, getMyCalendarFeedContract, revokeMyCalendarFeedContract } from "@/lib/api/contracts/calendar-feeds";
import { isoOrNull } from "@/lib/api/contract";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { createCalendarFeed, loadCalendarFeed, revokeCalendarFeed } from "@/lib/calendar/feed-token";

// The caller's own calendar feed, as Settings → Calendar feed manages it: the user's id comes from the token or cookie.
export const GET = apiRoute(getMyCalendarFeedContract, async ({ db, user }) => {
  const feed = can(user, "account.manageCalendarFeed", user) ? await loadCalendarFeed(db, user) : null;
  if (!feed) throw new ApiProblem("not_found", "You have no calendar feed. POST here to make one.");
  return { createdAt: feed.createdAt.toISOString(), lastFetchedAt: isoOrNull(feed.lastFetchedAt) };
});

export const POST = apiRoute(createMyCalendarFeedContract, async ({ db, user, request }) => {
  if (!can(user, "account.manageCalendarFeed", user)) throw new ApiProblem("forbidden", "You cannot make a calendar feed.");
  const created = await createCalendarFeed(db, user, { ip: clientIpFrom(request.headers) });
  return {
    url: created.url,
    webcalUrl: created.webcalUrl,
    replaced: created.replaced,
    createdAt: created.createdAt.toISOString(),
    lastFetchedAt: null,
  };
});

export const DELETE = apiRoute(revokeMyCalendarFeedContract, async ({ db, user, request }) => {
  if (!can(user, "account.manageCalendarFeed", user)) throw new ApiProblem("forbidden", "You cannot revoke this calendar feed.");
  const { revokedAt } = await revokeCalendarFeed(db, user, { ip: clientIpFrom(request.headers) });
  return { revokedAt: revokedAt.toISOString() };
});
