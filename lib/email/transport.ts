import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { outboxDir, smtpUrl } from "./config";

/** Sends one composed message; the jobs take it as a parameter so tests can put their own in. */
export interface MailTransport {
  kind: "smtp" | "file";
  /** Resolves with the id to remember (the server's message id, or the .eml file name); rejects when not sent. */
  send(message: Mail.Options): Promise<{ messageId: string }>;
}

/** A real mail server at `url` (smtp://user:pass@host:587). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send(message) {
      const info = await transporter.sendMail(message);
      return { messageId: info.messageId };
    },
  };
}

/** A file name that sorts by time and never collides: 20261201T070000123Z-1a2b3c4d5e6f.eml */
export function emlFileName(now = new Date()): string {
  return `${now.toISOString().replace(/[-:.]/g, "")}-${crypto.randomBytes(6).toString("hex")}.eml`;
}

/**
 * No mail server: nodemailer renders the raw RFC 822 message and it is written
 * to `dir` as an .eml file, so a self-hoster sees exactly what would be sent.
 */
export function fileTransport(dir = outboxDir()): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "file",
    async send(message) {
      const info = await transporter.sendMail(message);
      const name = emlFileName();
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, name), info.message as Buffer, { flag: "wx" });
      return { messageId: name };
    },
  };
}

const cache = globalThis as unknown as { __jeeviMailTransport?: { key: string; transport: MailTransport } };

/** The configured transport, made once per process (an SMTP transport keeps its connection settings). */
export function configuredTransport(): MailTransport {
  const url = smtpUrl();
  const key = url ? `smtp:${url}` : `file:${outboxDir()}`;
  if (cache.__jeeviMailTransport?.key !== key) {
    cache.__jeeviMailTransport = { key, transport: url ? smtpTransport(url) : fileTransport() };
  }
  return cache.__jeeviMailTransport.transport;
}
