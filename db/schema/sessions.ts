import { index, pgTable, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./users";

// One row per signed-in browser. The session cookie is a JWT encrypted and
// signed with AUTH_SECRET that carries only this row's id (random, 122 bits):
// the id alone opens nothing. Ending a session sets revokedAt; every request
// refuses a revoked, expired or idle row, so a copied cookie dies with it.
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    ip: varchar({ length: 100 }),
    userAgent: varchar({ length: 300 }),
  },
  (t) => [
    index("user_sessions_user_id_idx").on(t.userId),
    index("user_sessions_expires_at_idx").on(t.expiresAt),
  ],
);

export type UserSession = typeof userSessions.$inferSelect;
