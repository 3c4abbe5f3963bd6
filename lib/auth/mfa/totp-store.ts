import { and, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { totpCredentials } from "@/db/schema";
import { openTotpSecret } from "./keys";
import { checkTotpCode, type TotpCheck } from "./totp";

/**
 * Checks a code against the user's confirmed authenticator and, when right,
 * remembers its time step so the same code is refused from then on. The row
 * is locked so that two requests with one code cannot both pass.
 */
export async function spendTotpCode(tx: DbOrTx, userId: string, code: string, now = new Date()): Promise<TotpCheck> {
  const [row] = await tx
    .select({ secretEncrypted: totpCredentials.secretEncrypted, lastUsedStep: totpCredentials.lastUsedStep })
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, userId), isNotNull(totpCredentials.confirmedAt)))
    .for("update");
  if (!row) return { ok: false, reason: "invalid" };
  const check = await checkTotpCode({ secret: openTotpSecret(row.secretEncrypted), code, lastUsedStep: row.lastUsedStep, now });
  if (check.ok) await tx.update(totpCredentials).set({ lastUsedStep: check.step }).where(eq(totpCredentials.userId, userId));
  return check;
}
