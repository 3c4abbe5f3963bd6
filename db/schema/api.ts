import { index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./users";

// Personal access tokens for the REST API. The token itself is shown once;
// only its SHA-256 is stored, so a leaked table lets nobody in. Revoking sets
// revokedAt (the row stays, so the owner sees what existed and when it was used).
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: varchar({ length: 100 }).notNull(),
    tokenHash: varchar({ length: 64 }).notNull(),
    /** The first characters of the token, so its owner can tell tokens apart. */
    tokenPrefix: varchar({ length: 16 }).notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_token_hash_key").on(t.tokenHash), index("api_tokens_user_id_idx").on(t.userId)],
);

export type ApiToken = typeof apiTokens.$inferSelect;

// A creating request sent with an Idempotency-Key is answered once: a retry
// with the same key gets the stored answer instead of acting twice. The key is
// the client's, so it is scoped to the user that sent it.
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: varchar({ length: 255 }).notNull(),
    /** "POST /api/v1/enrollments": a key reused on another endpoint is refused. */
    operation: text().notNull(),
    /** SHA-256 of the request body: a key reused with a different body is refused. */
    requestHash: varchar({ length: 64 }).notNull(),
    statusCode: smallint().notNull(),
    responseBody: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("api_idempotency_keys_created_at_idx").on(t.createdAt)],
);

