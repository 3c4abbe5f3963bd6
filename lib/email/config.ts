import path from "node:path";
import { dataDir } from "@/db/config";
import { siteName } from "@/lib/site/config";

/** SMTP_URL names a real mail server (smtp://user:pass@host:587, smtps://…:465); without it mail is written to files. */
export function smtpUrl(): string | undefined {
  return process.env.SMTP_URL?.trim() || undefined;
}

/** Where .eml files go when no SMTP server is configured: OUTBOX_DIR, else `outbox` in the data directory. */
export function outboxDir(): string {
  const configured = process.env.OUTBOX_DIR?.trim();
  return configured ? path.resolve(/*turbopackIgnore: true*/ process.cwd(), configured) : path.join(dataDir(), "outbox");
}

/** The sender: MAIL_FROM (`"Name" <address>` or an address), else the site's name at a no-reply address. */
export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || `"${siteName().replace(/["\\]/g, "")}" <no-reply@localhost>`;
}

/** The hour (UTC, 0–23) from which the day's digest goes out: DIGEST_HOUR, else 7. */
export function digestHour(): number {
  const hour = Number(process.env.DIGEST_HOUR);
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 7;
}
