import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";

/** What the app knows about the signed-in user; never the password hash. */
export interface CurrentUser {
  id: string;
  email: string;
  username: string;
  displayName: string | null;
  role: UserRole;
  gradeLevel: number | null;
}

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves a session token's claims to the user as stored now: a deactivated
 * user, or a token issued before "sign out everywhere", resolves to nobody; the
 * role is always the current one.
 */
export async function loadSessionUser(db: DbOrTx, claims: SessionClaims | null): Promise<CurrentUser | null> {
  if (!claims || !uuidPattern.test(claims.userId)) return null;
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      gradeLevel: users.gradeLevel,
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, claims.userId))
    .limit(1);
  if (!row || !row.isActive || row.sessionVersion !== claims.sessionVersion) return null;
  const { isActive: _active, sessionVersion: _version, ...user } = row;
  return user;
}

export function displayNameOf(user: Pick<CurrentUser, "displayName" | "username">): string {
  return user.displayName || user.username;
}
