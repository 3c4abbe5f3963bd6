import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { emailDeliveries, notificationSettings } from "@/db/schema";
import { sendDigests } from "@/lib/email/send-digests";
import { sendPendingEmails } from "@/lib/email/send-pending";
import { createStudent, deliveriesOf, minutes, notificationsOf, notify, recordingTransport, setDigest, setPreference } from "./email-fixtures";
import { testDb } from "./helpers";

// DIGEST_HOUR is not set: the digest goes out from 07:00 UTC.
const day = (date: number, hour: number, minute = 0) => new Date(Date.UTC(2030, 0, date, hour, minute));

const settingsOf = async (userId: string) => (await testDb().select().from(notificationSettings).where(eq(notificationSettings.userId, userId)))[0];

describe("the daily digest", () => {
  beforeEach(async () => {
    await testDb().delete(emailDeliveries);
  });

  it("gathers several events into one email with every link, once a day", async () => {
    const student = await createStudent();
    const classmate = await createStudent();
    await setDigest(student.id, true);
    await notify([student.id, classmate.id], "grade.released", "Grade released: Lab report", "/learn/physics/assignment/1");
    await notify([student.id], "announcement.posted", "Announcement: Field trip", "/learn/physics/announcements/2");
    await notify([student.id], "lesson.published", "New lesson: Optics", "/learn/physics/3");
    await notify([student.id], "task.due_soon", "Due soon: Quiz 1", "/learn/physics/quiz/8");
    // Turned off after it was queued (say, from an unsubscribe link): left out of the digest.
    await setPreference(student.id, "task.due_soon", true, false);
    const { transport, sent } = recordingTransport();

    // Single emails never include digest items.
    await sendPendingEmails(testDb(), day(10, 8), transport);
    expect(sent.map((mail) => mail.to)).toEqual([classmate.email]);
    sent.length = 0;

    // Before the hour: nothing.
    expect(await sendDigests(testDb(), day(10, 6, 59), transport)).toBe(0);
    expect(sent).toHaveLength(0);

    expect(await sendDigests(testDb(), day(10, 7, 5), transport)).toBe(1);
    expect(sent).toHaveLength(1);
    const [digest] = sent;
    expect(digest!.to).toBe(student.email);
    expect(digest!.subject).toMatch(/3 updates/);
    for (const link of ["/learn/physics/assignment/1", "/learn/physics/announcements/2", "/learn/physics/3"]) {
      expect(digest!.text).toContain(`https://school.example${link}`);
      expect(digest!.html).toContain(`https://school.example${link}`);
    }
    expect(digest!.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(digest!.text).not.toContain("Quiz 1");
    const rows = (await deliveriesOf(student.id)).filter((row) => row.type !== "task.due_soon");
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent", "sent"]);
    expect((await deliveriesOf(student.id)).find((row) => row.type === "task.due_soon")).toMatchObject({ status: "failed", lastError: expect.stringMatching(/turned off/) });
    expect(new Set(rows.map((row) => row.messageId))).toEqual(new Set([rows[0]!.messageId]));
    expect((await settingsOf(student.id))!.lastDigestAt!.getTime()).toBe(day(10, 7, 5).getTime());
    expect(await notificationsOf(student.id)).toHaveLength(4);

    // More news the same day waits for tomorrow's digest.
    await notify([student.id], "grade.released", "Grade released: Essay", "/learn/physics/assignment/4");
    expect(await sendDigests(testDb(), day(10, 9), transport)).toBe(0);
    expect(await sendDigests(testDb(), day(10, 23, 59), transport)).toBe(0);
    expect(await sendDigests(testDb(), day(11, 6), transport)).toBe(0);
    expect(sent).toHaveLength(1);
    expect(await sendDigests(testDb(), day(11, 7), transport)).toBe(1);
    expect(sent[1]!.subject).toMatch(/1 update$/);
    expect(sent[1]!.text).toContain("Grade released: Essay");
    expect(sent[1]!.text).not.toContain("Optics");
  });

  it("leaves the items for a later round when the send fails, and sends them then", async () => {
    const student = await createStudent();
    await setDigest(student.id, true);
    await notify([student.id]);
    await notify([student.id], "lesson.published", "New lesson: Waves", "/learn/physics/9");
    const { transport, sent } = recordingTransport((call) => call === 1);

    expect(await sendDigests(testDb(), day(12, 8), transport)).toBe(0);
    let rows = await deliveriesOf(student.id);
    expect(rows.map((row) => [row.status, row.attempts, row.lastError])).toEqual([
      ["digest", 1, "Connection refused (call 1)"],
      ["digest", 1, "Connection refused (call 1)"],
    ]);
    expect(rows[0]!.nextAttemptAt.getTime()).toBe(minutes(day(12, 8), 1).getTime());
    expect((await settingsOf(student.id))!.lastDigestAt).toBeNull();

    expect(await sendDigests(testDb(), minutes(day(12, 8), 0.5), transport)).toBe(0);
    expect(await sendDigests(testDb(), minutes(day(12, 8), 1), transport)).toBe(1);
    rows = await deliveriesOf(student.id);
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(sent).toHaveLength(1);
    expect(await notificationsOf(student.id)).toHaveLength(2);
  });
});
