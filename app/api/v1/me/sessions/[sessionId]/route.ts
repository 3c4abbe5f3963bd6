import { endMySessionContract } from "@/lib/api/contracts/sessions";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { can } from "@/lib/auth/policy";
import { endOwnSession } from "@/lib/sessions/manage-sessions";

// The same rule as the sessions page: the caller's own sessions only, the user's id in the WHERE.
export const DELETE = apiRoute(endMySessionContract, async ({ db, user, params, request }) => {
  if (!can(user, "account.manageSessions", user)) throw new ApiProblem("forbidden", "You cannot end this session.");
  const endedAt = new Date();
  await endOwnSession(db, user, params.sessionId, { now: endedAt, ip: clientIpFrom(request.headers) });
  return { id: params.sessionId, endedAt: endedAt.toISOString() };
});
