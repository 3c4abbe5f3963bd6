import { sql } from "drizzle-orm";
import { users } from "@/db/schema";

/**
 * The password hash of an account an admin created whose owner has not yet
 * accepted the invitation. It is not a hash at all, so no password ever
 * verifies against it: the account cannot be signed in to until its owner
 * sets a password through the invitation link.
 */
export const invitedPasswordHash = "!invited";

export const isInvited = (passwordHash: string) => passwordHash === invitedPasswordHash;

/** For queries that list users: true while the invitation is not accepted. */
export const invitedSql = sql<boolean>`(${users.passwordHash} = ${invitedPasswordHash})`;
