import { listMySessionsContract, sessionItemOf } from "@/lib/api/contracts/sessions";
import { apiRoute } from "@/lib/api/route";
import { getCurrentSession } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { ApiProblem } from "@/lib/api/problem";
import { listOwnSessions } from "@/lib/sessions/queries";

// A token is not a session: only a cookie request has a "current" one.
export const GET = apiRoute(listMySessionsContract, async ({ db, user, request }) => {
  if (!can(user, "account.manageSessions", user)) throw new ApiProblem("forbidden", "You cannot list these sessions.");
  const current = request.headers.has("authorization") ? null : ((await getCurrentSession())?.sessionId ?? null);
  return { data: (await listOwnSessions(db, user, current)).map(sessionItemOf) };
});
