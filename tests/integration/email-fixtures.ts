// Builders for the email tests. Not a test file: vitest only collects *.test.ts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type Mail from "nodemailer/lib/mailer";
import { domainEvents, emailDeliveries, notificationPreferences, notificationSettings, notifications } from "@/db/schema";
import type { Transaction } from "@/db";
import type { MailTransport } from "@/lib/email/transport";
import { deliver } from "@/lib/notifications/deliver";
import { createUser, testDb } from "./helpers";

// Signing and links need these; set before any email module reads them.
process.env.AUTH_SECRET = "email-test-secret-0123456789-abcdefghijkl";
process.env.SITE_URL = "https://school.example";
export const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-outbox-"));
process.env.OUTBOX_DIR = outbox;

export const createStudent = (overrides: Parameters<typeof createUser>[0] = {}) => createUser({ role: "student", ...overrides });

let eventCounter = 0;

/** A stored event of `type` delivered to `userIds` through the real deliver() statement. */
export async function notify(userIds: string[], type = "grade.released", title = "Grade released: Lab report", link = "/learn/physics/assignment/1") {
  eventCounter++;
  return testDb().transaction(async (tx) => {
    const [event] = await tx
      .insert(domainEvents)
      .values({ type, aggregateType: "test", aggregateId: `email-${process.pid}-${eventCounter}`, payload: {} })
      .returning();
    const ids = sql.join(
      userIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    await deliver(tx as Transaction, event!, sql`SELECT u.id AS user_id, ${title}::text AS title, 'Physics 101'::text AS message, ${link}::text AS link FROM users u WHERE u.id IN (${ids})`);
    return event!;
  });
}

export const deliveriesOf = (userId: string) => testDb().select().from(emailDeliveries).where(eq(emailDeliveries.userId, userId)).orderBy(emailDeliveries.id);
export const notificationsOf = (userId: string) => testDb().select().from(notifications).where(eq(notifications.userId, userId));

export async function setPreference(userId: string, type: string, inApp: boolean, email: boolean) {
  await testDb().insert(notificationPreferences).values({ userId, type, inApp, email }).onConflictDoUpdate({
    target: [notificationPreferences.userId, notificationPreferences.type],
    set: { inApp, email },
  });
}

export async function setDigest(userId: string, emailDigest: boolean) {
  await testDb().insert(notificationSettings).values({ userId, emailDigest }).onConflictDoUpdate({ target: notificationSettings.userId, set: { emailDigest } });
}

/** A transport that records what it is given and fails the calls `failing` says to. */
export function recordingTransport(failing: (call: number) => boolean = () => false) {
  const sent: Mail.Options[] = [];
  let calls = 0;
  const transport: MailTransport = {
    kind: "smtp",
    async send(message) {
      calls++;
      if (failing(calls)) throw new Error(`Connection refused (call ${calls})`);
      sent.push(message);
      return { messageId: `<test-${calls}@school.example>` };
    },
  };
  return { transport, sent, calls: () => calls };
}

export const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);
