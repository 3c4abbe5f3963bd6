import { ilike, or, sql, type SQL } from "drizzle-orm";
import { users } from "@/db/schema";
import { stripControls } from "@/lib/url-params";

/** The name people see for a user: the display name, or the username when there is none. */
export const personName = sql<string>`coalesce(${users.displayName}, ${users.username})`;

/**
 * A LIKE pattern's own wildcards and escape character, escaped, so a search
 * finds them literally; control characters blanked, so a NUL that slipped
 * past a parser never reaches PostgreSQL (which refuses it with an error).
 */
export const escapeLike = (text: string) => stripControls(text).replace(/[\\%_]/g, (char) => `\\${char}`);

/** Users whose display name, username or email contains the text (any case); no condition for an empty search. */
export function matchesPerson(text: string): SQL | undefined {
  if (!text) return undefined;
  const pattern = `%${escapeLike(text)}%`;
  return or(ilike(users.displayName, pattern), ilike(users.username, pattern), ilike(users.email, pattern));
}
