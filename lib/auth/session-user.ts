import type { DbOrTx } from "@/db";
import type { UserRole } from "@/db/schema/enums";
import { loadSession } from "@/lib/sessions/store";

/** What the app knows about the signed-in user; never the password hash. */
export interface CurrentUser {
  id: string;
  email: string;
  username: string;
  displayName: string | null;
  role: UserRole;
  gradeLevel: number | null;
}

/**
 * Resolves a session cookie's session id to the user as stored now: an ended,
 * expired or idle session, or a deactivated user, resolves to nobody; the role
 * is always the current one. One statement (see lib/sessions/store.ts).
 */
export async function loadSessionUser(
  db: DbOrTx,
  sessionId: unknown,
  clock?: Parameters<typeof loadSession>[2],
): Promise<CurrentUser | null> {
  return (await loadSession(db, sessionId, clock))?.user ?? null;
}

export function displayNameOf(user: Pick<CurrentUser, "displayName" | "username">): string {
  return user.displayName || user.username;
}
