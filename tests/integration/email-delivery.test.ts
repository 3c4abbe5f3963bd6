import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { emailDeliveries, users } from "@/db/schema";
import { maxEmailAttempts } from "@/lib/email/backoff";
import { sendPendingEmails } from "@/lib/email/send-pending";
import { createStudent, deliveriesOf, minutes, notificationsOf, notify, recordingTransport, setDigest, setPreference } from "./email-fixtures";
import { testDb } from "./helpers";

const start = new Date(Date.UTC(2030, 0, 10, 12, 0));

describe("deliver() and preferences", () => {
  it("writes in-app and email by default, and follows each user's choice and digest setting", async () => {
    const [both, inAppOnly, emailOnly, none, digest, otherTypeOff] = await Promise.all(Array.from({ length: 6 }, () => createStudent()));
    await setPreference(inAppOnly!.id, "grade.released", true, false);
    await setPreference(emailOnly!.id, "grade.released", false, true);
    await setPreference(none!.id, "grade.released", false, false);
    await setDigest(digest!.id, true);
    await setPreference(otherTypeOff!.id, "lesson.published", false, false);

    await notify([both, inAppOnly, emailOnly, none, digest, otherTypeOff].map((user) => user!.id));

    const summary = async (userId: string) => ({
      inApp: (await notificationsOf(userId)).length,
      email: (await deliveriesOf(userId)).map((row) => row.status),
    });
    expect(await summary(both!.id)).toEqual({ inApp: 1, email: ["pending"] });
    expect(await summary(inAppOnly!.id)).toEqual({ inApp: 1, email: [] });
    expect(await summary(emailOnly!.id)).toEqual({ inApp: 0, email: ["pending"] });
    expect(await summary(none!.id)).toEqual({ inApp: 0, email: [] });
    expect(await summary(digest!.id)).toEqual({ inApp: 1, email: ["digest"] });
    expect(await summary(otherTypeOff!.id)).toEqual({ inApp: 1, email: ["pending"] });
  });
});

describe("sending queued email", () => {
  // The job takes every due email in the database: start each test with an empty queue.
  beforeEach(async () => {
    await testDb().delete(emailDeliveries);
  });

  it("retries a failed send with backoff, keeps the in-app notification throughout, and marks it sent on success", async () => {
    const student = await createStudent();
    await notify([student.id]);
    const { transport, sent } = recordingTransport((call) => call === 1);

    expect(await sendPendingEmails(testDb(), start, transport)).toBe(0);
    let [row] = await deliveriesOf(student.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "Connection refused (call 1)", sentAt: null });
    expect(row!.nextAttemptAt.getTime()).toBe(minutes(start, 1).getTime());
    expect(await notificationsOf(student.id)).toHaveLength(1);

    // Not due yet: nothing is tried.
    expect(await sendPendingEmails(testDb(), minutes(start, 0.5), transport)).toBe(0);
    expect((await deliveriesOf(student.id))[0]!.attempts).toBe(1);

    expect(await sendPendingEmails(testDb(), minutes(start, 1), transport)).toBe(1);
    [row] = await deliveriesOf(student.id);
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null, messageId: "<test-2@school.example>" });
    expect(row!.sentAt!.getTime()).toBe(minutes(start, 1).getTime());
    expect(sent).toHaveLength(1);
    const [notification] = await notificationsOf(student.id);
    expect(notification).toMatchObject({ title: "Grade released: Lab report", readAt: null });

    // Sent is final.
    expect(await sendPendingEmails(testDb(), minutes(start, 60), transport)).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it("waits 1, 5, 25 minutes and more between tries, and gives up after the last attempt", async () => {
    const student = await createStudent();
    await notify([student.id]);
    const { transport, calls } = recordingTransport(() => true);
    const waits: number[] = [];
    let now = start;
    for (let attempt = 1; attempt <= maxEmailAttempts; attempt++) {
      await sendPendingEmails(testDb(), now, transport);
      const [row] = await deliveriesOf(student.id);
      expect(row!.attempts).toBe(attempt);
      waits.push((row!.nextAttemptAt.getTime() - now.getTime()) / 60_000);
      now = row!.nextAttemptAt;
    }
    expect(waits.slice(0, 4)).toEqual([1, 5, 25, 125]);
    const [row] = await deliveriesOf(student.id);
    expect(row).toMatchObject({ status: "failed", attempts: maxEmailAttempts });
    expect(await sendPendingEmails(testDb(), minutes(now, 60 * 24), transport)).toBe(0);
    expect(calls()).toBe(maxEmailAttempts);
    expect(await notificationsOf(student.id)).toHaveLength(1);
  });

  it("never sends one email twice when two workers run at once", async () => {
    const students = await Promise.all(Array.from({ length: 12 }, () => createStudent()));
    await notify(students.map((student) => student.id));
    const { transport, sent } = recordingTransport();
    const rounds = await Promise.all([
      sendPendingEmails(testDb(), start, transport, 5),
      sendPendingEmails(testDb(), start, transport, 5),
      sendPendingEmails(testDb(), start, transport, 5),
    ]);
    expect(rounds.reduce((a, b) => a + b, 0)).toBe(12);
    expect(new Set(sent.map((mail) => mail.to)).size).toBe(12);
    expect(sent).toHaveLength(12);
  });

  it("sends nothing to a deactivated account or to someone who turned that email off after it was queued", async () => {
    const [deactivated, optedOut] = await Promise.all([createStudent(), createStudent()]);
    await notify([deactivated.id, optedOut.id]);
    await testDb().update(users).set({ isActive: false }).where(eq(users.id, deactivated.id));
    await setPreference(optedOut.id, "grade.released", true, false);
    const { transport, sent } = recordingTransport();

    await sendPendingEmails(testDb(), start, transport);
    expect(sent).toHaveLength(0);
    expect((await deliveriesOf(deactivated.id))[0]).toMatchObject({ status: "failed", lastError: expect.stringMatching(/deactivated/) });
    expect((await deliveriesOf(optedOut.id))[0]).toMatchObject({ status: "failed", lastError: expect.stringMatching(/turned off/) });
  });

  it("addresses the email to the recipient with the absolute link and the unsubscribe headers", async () => {
    const student = await createStudent();
    await notify([student.id], "grade.released", "Grade <b>released</b>", "/learn/physics/assignment/7");
    const { transport, sent } = recordingTransport();
    await sendPendingEmails(testDb(), start, transport);
    const [mail] = sent;
    expect(mail!.to).toBe(student.email);
    expect(mail!.subject).toBe("Grade <b>released</b>");
    expect(mail!.text).toContain("https://school.example/learn/physics/assignment/7");
    expect(mail!.html).toContain("Grade &lt;b&gt;released&lt;/b&gt;");
    expect(mail!.html).not.toContain("<b>released");
    expect(mail!.html).toContain("https://school.example/settings/notifications");
    expect(mail!.headers).toMatchObject({
      "List-Unsubscribe": expect.stringMatching(/^<https:\/\/school\.example\/api\/unsubscribe\?token=[\w.%-]+>$/),
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
});
