import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { mfaRecoveryCodes } from "@/db/schema";
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";

/** Replaces a user's recovery codes with ten new ones; the plain codes are returned once. */
export async function replaceRecoveryCodes(tx: DbOrTx, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.insert(mfaRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

/**
 * Uses up one recovery code. The update is the check: two requests with the
 * same code cannot both succeed, since only one finds it unused.
 */
export async function consumeRecoveryCode(tx: DbOrTx, userId: string, input: string): Promise<boolean> {
  const code = normalizeRecoveryCode(input);
  if (!code) return false;
  const used = await tx
    .update(mfaRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(mfaRecoveryCodes.usedAt)),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return used.length > 0;
}
