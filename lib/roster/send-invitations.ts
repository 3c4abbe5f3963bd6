import { randomBytes } from "node:crypto";
import type { DbOrTx } from "@/db";
import { accountTokens, emailDeliveries } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { invitationMail } from "@/lib/users/account-mail-content";
import { hashAccountToken, setPasswordPath, tokenLifetimeMs } from "@/lib/users/account-tokens";
import { enqueueJob } from "@/lib/worker/enqueue";
import { emailSendQueue } from "@/lib/worker/queue-names";
import { chunks } from "./chunks";

/**
 * Queues the invitation of every new account of an import: one link each
 * (as lib/users/account-tokens.ts issues them, stored as SHA-256 only), one
 * email row each, and a single job that wakes the mail worker, which sends
 * them in the background. Accounts made in this same transaction have no
 * older link to void.
 */
export async function queueInvitations(
  tx: DbOrTx,
  actorId: string,
  accounts: { userId: string; username: string; role: UserRole }[],
  now = new Date(),
): Promise<number> {
  if (accounts.length === 0) return 0;
  const expiresAt = new Date(now.getTime() + tokenLifetimeMs.invitation);
  const issued = accounts.map((account) => ({ account, token: randomBytes(32).toString("base64url") }));
  for (const batch of chunks(issued)) {
    await tx
      .insert(accountTokens)
      .values(batch.map(({ account, token }) => ({ userId: account.userId, purpose: "invitation" as const, tokenHash: hashAccountToken(token), expiresAt, createdById: actorId })));
    await tx.insert(emailDeliveries).values(
      batch.map(({ account, token }) => {
        const mail = invitationMail(account, setPasswordPath(token));
        return { userId: account.userId, type: mail.type, title: mail.title, message: mail.message, link: mail.link, status: "pending" };
      }),
    );
  }
  await enqueueJob(tx, emailSendQueue);
  return accounts.length;
}
