import type { DbOrTx } from "@/db";
import { missing } from "@/lib/actions/result";
import { revokeAllApiTokens } from "@/lib/api/tokens";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { endSession, endUserSessions } from "./store";

// The audited ways a person or an admin ends sessions. Each runs in the
// caller's transaction so the audit entry exists exactly when the change does.

interface Context {
  now?: Date;
  ip?: string | null;
}

const notFound = "That session does not exist or has already ended.";

/** The actor ends one of its own sessions (another device, or this one). */
export async function endOwnSession(tx: DbOrTx, actor: Actor, sessionId: string, { now = new Date(), ip = null }: Context = {}) {
  if (!(await endSession(tx, actor.id, sessionId, now))) missing(notFound);
  await recordAudit(tx, { actorId: actor.id, action: "auth.session_ended", entityType: "user", entityId: actor.id, after: { sessionId }, ip });
}

/**
 * "Sign out on all devices": every session of the user ends, and with
 * `revokeApiTokens` its personal access tokens are revoked too.
 */
export async function signOutEverywhere(
  tx: DbOrTx,
  userId: string,
  { revokeApiTokens = false, now = new Date(), ip = null }: Context & { revokeApiTokens?: boolean } = {},
) {
  const sessions = await endUserSessions(tx, userId, { now });
  if (revokeApiTokens) await revokeAllApiTokens(tx, userId, now);
  await recordAudit(tx, {
    actorId: userId,
    action: "auth.sign_out_everywhere",
    entityType: "user",
    entityId: userId,
    after: { sessions, apiTokensRevoked: revokeApiTokens },
    ip,
  });
  return { sessions };
}

/** An admin ends one session of another user. */
export async function endSessionAsAdmin(
  tx: DbOrTx,
  actor: Actor,
  userId: string,
  sessionId: string,
  { now = new Date(), ip = null }: Context = {},
) {
  if (!(await endSession(tx, userId, sessionId, now))) missing(notFound);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "user.session_ended_by_admin",
    entityType: "user",
    entityId: userId,
    after: { sessionId },
    ip,
  });
}

/** An admin ends every session of another user. */
export async function endAllSessionsAsAdmin(tx: DbOrTx, actor: Actor, userId: string, { now = new Date(), ip = null }: Context = {}) {
  const sessions = await endUserSessions(tx, userId, { now });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "user.sessions_ended_by_admin",
    entityType: "user",
    entityId: userId,
    after: { sessions },
    ip,
  });
  return { sessions };
}
