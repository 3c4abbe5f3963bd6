import "server-only";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/auth/policy";
import { describeDevice } from "./device";
import { listLiveSessions } from "./store";

/** One session as its owner or an admin sees it: never anything that opens it. */
export interface SessionView {
  id: string;
  device: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** The session of the browser asking. */
  current: boolean;
}

async function viewsOf(db: DbOrTx, userId: string, currentSessionId: string | null): Promise<SessionView[]> {
  const rows = await listLiveSessions(db, userId);
  return rows.map((row) => ({ ...row, device: describeDevice(row.userAgent), current: row.id === currentSessionId }));
}

/** The actor's own sessions that still count, this browser's marked. */
export function listOwnSessions(db: DbOrTx, actor: Actor, currentSessionId: string | null): Promise<SessionView[]> {
  return viewsOf(db, actor.id, currentSessionId);
}

/** Another user's sessions, for an admin page that has already checked user.manageSessions. */
export function listSessionsOfUser(db: DbOrTx, userId: string): Promise<SessionView[]> {
  return viewsOf(db, userId, null);
}
