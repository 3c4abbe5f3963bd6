import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/policy";
import { endUserSessions } from "./store";

/**
 * Changes the actor's password after checking the current one, and ends every
 * other session: whoever knew the old password is signed out everywhere but
 * here. The user's row is locked so two changes cannot interleave.
 */
export async function changePassword(
  tx: DbOrTx,
  actor: Actor,
  input: { currentPassword: string; password: string; currentSessionId: string | null },
  { now = new Date(), ip = null }: { now?: Date; ip?: string | null } = {},
): Promise<{ otherSessionsEnded: number }> {
  const [row] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).for("update");
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    fail("Some fields need your attention.", { currentPassword: ["That is not your current password."] });
  }
  if (isCommonPassword(input.password)) {
    fail("Some fields need your attention.", { password: ["This password is too common. Choose one that is harder to guess."] });
  }
  if (input.password === input.currentPassword) {
    fail("Some fields need your attention.", { password: ["Choose a password different from your current one."] });
  }
  await tx.update(users).set({ passwordHash: await hashPassword(input.password) }).where(eq(users.id, actor.id));
  const otherSessionsEnded = await endUserSessions(tx, actor.id, { exceptSessionId: input.currentSessionId, now });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "user.password_changed",
    entityType: "user",
    entityId: actor.id,
    after: { otherSessionsEnded },
    ip,
  });
  return { otherSessionsEnded };
}
