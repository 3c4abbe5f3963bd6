import type { DbOrTx } from "@/db";
import { emailDeliveries } from "@/db/schema";
import { enqueueJob } from "@/lib/worker/enqueue";
import { emailSendQueue } from "@/lib/worker/queue-names";

// Email about a person's own account (an invitation, a password reset link,
// word that an admin reset its two-step verification).
// Unlike notifications these are not a matter of preference: they are queued
// directly, never gathered into a digest, and carry no unsubscribe link.
export const accountMailTypes = [
  { type: "account.invitation", label: "Invitation" },
  { type: "account.password_reset", label: "Password reset" },
  { type: "account.mfa_reset", label: "Two-step verification reset" },
] as const;

export type AccountMailType = (typeof accountMailTypes)[number]["type"];

/** What a sent account email's row keeps instead of its link. */
export const sentAccountMailLink = "/set-password";

export const isAccountMailType = (type: string): type is AccountMailType => accountMailTypes.some((t) => t.type === type);

export const accountMailLabel = (type: string): string | undefined => accountMailTypes.find((t) => t.type === type)?.label;

export interface AccountMail {
  type: AccountMailType;
  title: string;
  message: string;
  /** A path inside the site: the set-password link. */
  link: string;
}

/** Queues one account email, and a job to send it at once, in the caller's transaction. */
export async function queueAccountMail(tx: DbOrTx, userId: string, mail: AccountMail): Promise<void> {
  await tx.insert(emailDeliveries).values({ userId, type: mail.type, title: mail.title, message: mail.message, link: mail.link, status: "pending" });
  await enqueueJob(tx, emailSendQueue);
}
