import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  accountTokens,
  auditLog,
  calendarFeeds,
  certificates,
  emailDeliveries,
  notificationPreferences,
  notificationSettings,
  notifications,
  threadFollows,
  users,
  userSessions,
} from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { revokeAllApiTokens } from "@/lib/api/tokens";
import { recordAudit } from "@/lib/audit/record-audit";
import { signInAccountBucket } from "@/lib/auth/throttle";
import type { Actor } from "@/lib/auth/policy";
import { clearKeyGuesses } from "@/lib/enrollments/enrollment-key";
import { publish } from "@/lib/events/publish";
import { clearBuckets } from "@/lib/security/rate-counter";

/** What an anonymised account keeps of a name: the same words for everyone. */
export const formerUserName = "Former user";
/** No password can produce this hash, so nobody signs in to the account again. */
export const anonymisedPasswordHash = "!anonymised";

/** The scrubbed email and username: derived from the id, so unique, and telling nothing about the person. */
export const anonymisedEmail = (userId: string) => `anonymised-${userId}@invalid`;
export const anonymisedUsername = (userId: string) => `anon_${userId.replace(/-/g, "").slice(0, 12)}`;

// The JSON keys of earlier audit entries that carried the person's identity
// (registration, failed sign-ins, an admin's invitation); the rest of those
// entries (what happened, when, the role) stays.
const personalAuditKeys = ["email", "username", "displayName", "name"];
const personalKeysArray = sql.raw(`'{${personalAuditKeys.join(",")}}'::text[]`);
const withoutPersonalKeys = (column: typeof auditLog.before | typeof auditLog.after) =>
  sql`CASE WHEN jsonb_typeof(${column}) = 'object' THEN ${column} - ${personalKeysArray} ELSE ${column} END`;

/**
 * Erases a user's identity on request (right to erasure), in the caller's
 * transaction. The account row stays, because enrolments, completions, quiz
 * attempts, submissions, grades and posts refer to it and are kept for the
 * courses' records; it now reads "Former user" everywhere. Rows that only
 * serve the person (links, preferences, mail not yet sent, notifications,
 * follows, throttling counters) are deleted. The session version is bumped,
 * so every session the user held ends at its next request, and every
 * personal access token is revoked.
 */
export async function anonymizeUser(tx: DbOrTx, actor: Actor, userId: string) {
  const [user] = await tx
    .select({ id: users.id, role: users.role, email: users.email, anonymizedAt: users.anonymizedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!user) fail("That user does not exist.");
  if (user.anonymizedAt) fail("That account is already anonymised.");

  await tx
    .update(users)
    .set({
      email: anonymisedEmail(user.id),
      username: anonymisedUsername(user.id),
      displayName: formerUserName,
      gradeLevel: null,
      passwordHash: anonymisedPasswordHash,
      isActive: false,
      anonymizedAt: sql`now()`,
    })
    .where(eq(users.id, user.id));

  await tx.delete(accountTokens).where(eq(accountTokens.userId, user.id));
  // Sessions hold addresses and browsers: personal data, and of no use to a closed account.
  await tx.delete(userSessions).where(eq(userSessions.userId, user.id));
  // The account is inactive, which already shuts its tokens out; revoking them says so for good.
  await revokeAllApiTokens(tx, user.id);
  await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, user.id));
  await tx.delete(notificationSettings).where(eq(notificationSettings.userId, user.id));
  await tx.delete(notifications).where(eq(notifications.userId, user.id));
  // Mail already sent stays as the outbox's record (it holds no address); mail still waiting never goes.
  await tx.delete(emailDeliveries).where(and(eq(emailDeliveries.userId, user.id), inArray(emailDeliveries.status, ["pending", "digest"])));
  await tx.delete(threadFollows).where(eq(threadFollows.userId, user.id));
  // The private calendar address would still name the account's courses and dates to whoever holds it.
  await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, user.id));
  // Certificates stay as the courses' record (and keep verifying, so a school's
  // register stays whole), but the name printed on them is the person's: it
  // reads "Former user" from now on, on the public page and any new PDF.
  await tx.update(certificates).set({ recipientName: formerUserName }).where(eq(certificates.userId, user.id));
  await clearKeyGuesses(tx, user.id);
  await clearBuckets(tx, [signInAccountBucket(user.email)]);
  await tx
    .update(auditLog)
    .set({ before: withoutPersonalKeys(auditLog.before), after: withoutPersonalKeys(auditLog.after) })
    .where(
      or(
        and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, user.id)),
        // Failed sign-ins of the address before it was known to belong to this account.
        and(eq(auditLog.entityType, "user"), isNull(auditLog.entityId), sql`${auditLog.after} ->> 'email' = ${user.email.toLowerCase()}`),
      ),
    );

  // Only that it happened and the role: the entry must not keep what was erased.
  await recordAudit(tx, {
    actorId: actor.id,
    action: "user.anonymized",
    entityType: "user",
    entityId: user.id,
    after: { role: user.role, anonymised: true },
  });
  await publish(tx, { type: "user.anonymized", aggregateId: user.id, payload: { userId: user.id } }, actor.id);
  return { userId: user.id };
}
