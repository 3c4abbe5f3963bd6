import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailDeliveries } from "@/db/schema";
import { sendPendingEmails } from "@/lib/email/send-pending";
import { fileTransport, smtpTransport } from "@/lib/email/transport";
import { createStudent, deliveriesOf, notify, outbox } from "./email-fixtures";
import { testDb } from "./helpers";

const now = new Date(Date.UTC(2030, 0, 10, 12));
const headerLine = (mail: ParsedMail, name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/\r?\n\s+/g, " ");

describe("through a real SMTP server on loopback", () => {
  const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((to) => to.address), mail });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(async () => {
    await testDb().delete(emailDeliveries);
  });

  it("delivers a queued notification: recipient, subject, link and the one-click unsubscribe headers", async () => {
    const student = await createStudent();
    await notify([student.id], "announcement.posted", "Announcement: Field trip", "/learn/physics/announcements/5");

    expect(await sendPendingEmails(testDb(), now, smtpTransport(`smtp://127.0.0.1:${port}`))).toBe(1);

    expect(received).toHaveLength(1);
    const [{ envelopeTo, mail }] = received as [(typeof received)[number]];
    expect(envelopeTo).toEqual([student.email]);
    expect(mail.subject).toBe("Announcement: Field trip");
    expect(mail.text).toContain("https://school.example/learn/physics/announcements/5");
    expect(mail.html || "").toContain('href="https://school.example/learn/physics/announcements/5"');
    expect(headerLine(mail, "list-unsubscribe")).toMatch(/^List-Unsubscribe: <https:\/\/school\.example\/api\/unsubscribe\?token=[\w.%-]+>$/);
    expect(headerLine(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const [row] = await deliveriesOf(student.id);
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
    expect(row!.messageId).toBe(mail.messageId);
  });

  it("retries when the server is unreachable", async () => {
    const student = await createStudent();
    await notify([student.id]);
    // Port 1 on loopback: nothing listens there.
    expect(await sendPendingEmails(testDb(), now, smtpTransport("smtp://127.0.0.1:1"))).toBe(0);
    const [row] = await deliveriesOf(student.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
  });
});

describe("without a mail server", () => {
  beforeEach(async () => {
    await testDb().delete(emailDeliveries);
  });

  it("writes each message as a parseable .eml file in the outbox directory, named in the delivery", async () => {
    const student = await createStudent();
    await notify([student.id], "grade.released", "Grade released: Lab report", "/learn/physics/assignment/3");

    expect(await sendPendingEmails(testDb(), now, fileTransport(outbox))).toBe(1);

    const [row] = await deliveriesOf(student.id);
    expect(row!.messageId).toMatch(/^\d{8}T\d{9}Z-[0-9a-f]{12}\.eml$/);
    const file = path.join(outbox, row!.messageId!);
    const mail = await simpleParser(fs.readFileSync(file));
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address : null).toBe(student.email);
    expect(mail.subject).toBe("Grade released: Lab report");
    expect(mail.text).toContain("https://school.example/learn/physics/assignment/3");
    expect(headerLine(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  });
});
