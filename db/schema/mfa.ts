import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";

// A user's authenticator app (TOTP, RFC 6238). The secret is encrypted with a
// key derived from AUTH_SECRET, so a copy of the database alone yields no codes.
// A row without confirmedAt is an enrolment in progress: it protects nothing yet.
export const totpCredentials = pgTable("totp_credentials", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEncrypted: text().notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
  // The time step of the last accepted code: a code is accepted once, and
  // never one from an earlier step (replay within the drift window).
  lastUsedStep: bigint({ mode: "number" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// Ten single-use codes for a lost device; only their SHA-256 is stored.
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: varchar({ length: 64 }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("mfa_recovery_codes_user_hash_key").on(t.userId, t.codeHash)],
);

// WebAuthn credentials (passkeys): a second factor, or a passwordless sign-in
// when the authenticator keeps a discoverable credential.
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: varchar({ length: 100 }).notNull(),
    // base64url, as the browser reports it.
    credentialId: varchar({ length: 1024 }).notNull(),
    publicKey: text().notNull(),
    counter: bigint({ mode: "number" }).notNull().default(0),
    transports: jsonb().$type<string[]>().notNull().default([]),
    deviceType: varchar({ length: 20 }).notNull(),
    backedUp: boolean().notNull().default(false),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("passkeys_credential_id_key").on(t.credentialId), index("passkeys_user_id_idx").on(t.userId)],
);

export const mfaChallengePurpose = pgEnum("mfa_challenge_purpose", [
  // The second sign-in step, after a correct password.
  "sign_in",
  // WebAuthn ceremonies: registering a passkey, a passwordless sign-in.
  "passkey_registration",
  "passkey_sign_in",
]);
export type MfaChallengePurpose = (typeof mfaChallengePurpose.enumValues)[number];

// Short-lived, single-use challenges kept on the server. For "sign_in" only the
// SHA-256 of the token handed to the browser is stored; a WebAuthn challenge is
// not a secret (the authenticator signs it) and is stored as sent.
export const mfaChallenges = pgTable(
  "mfa_challenges",
  {
    id: uuid().primaryKey().defaultRandom(),
    purpose: mfaChallengePurpose().notNull(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    challenge: varchar({ length: 128 }).notNull(),
    // A WebAuthn challenge issued during the second sign-in step, for a passkey.
    webauthnChallenge: varchar({ length: 128 }),
    failures: smallint().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("mfa_challenges_challenge_key").on(t.challenge),
    index("mfa_challenges_user_id_idx").on(t.userId),
    index("mfa_challenges_expires_at_idx").on(t.expiresAt),
  ],
);

// Settings an admin changes from the site: one row.
export const siteSettings = pgTable(
  "site_settings",
  {
    id: integer().primaryKey().default(1),
    requireStaffMfa: boolean().notNull().default(false),
    updatedById: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [check("site_settings_single_row", sql`${t.id} = 1`)],
);

export type Passkey = typeof passkeys.$inferSelect;
