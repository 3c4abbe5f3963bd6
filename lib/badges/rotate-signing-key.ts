import type { DbOrTx } from "@/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/policy";
import { keyFingerprint, retireAndReplaceSigningKey } from "./signing-keys";

export const rotationRaceMessage = "Someone else rotated the signing key at the same moment: reload the page to see the new key.";

/**
 * Retires the active signing key and makes a new one, audited as
 * badge_key.rotated with both fingerprints. Credentials signed before stay
 * valid: the retired key is still published. Null when a concurrent rotation won.
 */
export async function rotateSigningKey(tx: DbOrTx, actor: Actor, ip?: string | null) {
  const result = await retireAndReplaceSigningKey(tx);
  if (!result) return null;
  const created = { id: result.created.id, fingerprint: await keyFingerprint(result.created.publicKeyJwk) };
  const retired = result.retired ? { id: result.retired.id, fingerprint: await keyFingerprint(result.retired.publicKeyJwk) } : null;
  await recordAudit(tx, {
    actorId: actor.id,
    action: "badge_key.rotated",
    entityType: "signing_key",
    entityId: created.id,
    before: retired ? { activeKeyId: retired.id, fingerprint: retired.fingerprint } : null,
    after: { activeKeyId: created.id, fingerprint: created.fingerprint },
    ip: ip ?? null,
  });
  return { created, retired };
}
