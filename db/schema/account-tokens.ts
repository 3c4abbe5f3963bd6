import { index, pgEnum, pgTable, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./users";

export const accountTokenPurpose = pgEnum("account_token_purpose", ["invitation", "password_reset"]);
export type AccountTokenPurpose = (typeof accountTokenPurpose.enumValues)[number];

// Single-use links that let a person set a password: an invitation for an
// account an admin created, or a password reset an admin sent. Only the
// SHA-256 of the token is stored, so a leaked table opens no account.
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: accountTokenPurpose().notNull(),
    tokenHash: varchar({ length: 64 }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("account_tokens_token_hash_key").on(t.tokenHash), index("account_tokens_user_id_idx").on(t.userId)],
);

export type AccountToken = typeof accountTokens.$inferSelect;
