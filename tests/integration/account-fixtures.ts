// Builders for the account-token and create-user tests. Not a test file:
// vitest only collects *.test.ts.
import { count, eq } from "drizzle-orm";
import { accountTokens, auditLog, domainEvents, emailDeliveries, users } from "@/db/schema";
import { testDb } from "./helpers";

/** The token inside an absolute or relative set-password link. */
export function tokenOf(link: string): string {
  const token = link.split("/set-password/")[1];
  if (!token) throw new Error(`Not a set-password link: ${link}`);
  return token;
}

/** Row counts of every table an account action writes to. */
export async function accountRowCounts() {
  const db = testDb();
  const [[u], [t], [m], [a], [e]] = await Promise.all([
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(accountTokens),
    db.select({ n: count() }).from(emailDeliveries),
    db.select({ n: count() }).from(auditLog),
    db.select({ n: count() }).from(domainEvents),
  ]);
  return { users: u!.n, tokens: t!.n, emails: m!.n, audit: a!.n, events: e!.n };
}

export const tokensOf = (userId: string) => testDb().select().from(accountTokens).where(eq(accountTokens.userId, userId)).orderBy(accountTokens.createdAt);
export const auditOf = (userId: string) => testDb().select().from(auditLog).where(eq(auditLog.entityId, userId)).orderBy(auditLog.id);
export const emailsOf = (userId: string) => testDb().select().from(emailDeliveries).where(eq(emailDeliveries.userId, userId)).orderBy(emailDeliveries.id);
export const userRow = async (userId: string) => (await testDb().select().from(users).where(eq(users.id, userId)))[0]!;
