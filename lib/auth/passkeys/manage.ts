import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { mfaRecoveryCodes, passkeys } from "@/db/schema";
import { missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyOwner, wrongProof, type Refused } from "../mfa/enrolment";
import { mfaStatusOf } from "../mfa/status";
import type { CurrentUser } from "../session-user";

type Who = Pick<CurrentUser, "id" | "email" | "role">;

const notYours = "That passkey does not exist (or is not yours).";

/** Renames one of the user's own passkeys; a name is a label, so no proof is asked. */
export async function renamePasskey(tx: DbOrTx, user: Who, { passkeyId, name, ip }: { passkeyId: string; name: string; ip: string }) {
  const [before] = await tx
    .select({ name: passkeys.name })
    .from(passkeys)
    .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, user.id)))
    .for("update");
  if (!before) missing(notYours);
  await tx.update(passkeys).set({ name }).where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, user.id)));
  await recordAudit(tx, {
    actorId: user.id,
    action: "mfa.passkey_renamed",
    entityType: "user",
    entityId: user.id,
    before: { passkeyId, name: before.name },
    after: { passkeyId, name },
    ip,
  });
  return { passkeyId };
}

/**
 * Removes a passkey, after a current authenticator code or the password (as
 * turning the authenticator off does). The last factor takes the recovery codes with it.
 */
export async function removePasskey(
  tx: DbOrTx,
  user: Who,
  { passkeyId, proof, ip }: { passkeyId: string; proof: string; ip: string },
): Promise<{ ok: true; passkeyId: string } | Refused> {
  const [target] = await tx
    .select({ name: passkeys.name })
    .from(passkeys)
    .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, user.id)))
    .for("update");
  if (!target) missing(notYours);
  if (!(await verifyOwner(tx, user, { proof, ip, during: "passkey_remove" }))) return wrongProof;
  await tx.delete(passkeys).where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, user.id)));
  if (!(await mfaStatusOf(tx, user.id)).enabled) await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
  await recordAudit(tx, {
    actorId: user.id,
    action: "mfa.passkey_removed",
    entityType: "user",
    entityId: user.id,
    before: { passkeyId, name: target.name },
    ip,
  });
  return { ok: true, passkeyId };
}
