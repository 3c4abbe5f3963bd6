import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { certificates } from "@/db/schema";
import { command } from "@/lib/actions/command";
import { fail, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, type Actor } from "@/lib/auth/policy";
import { loadAccessibleCertificate } from "./access";
import { revokeSchema } from "./schemas";


export const certificateNotFoundMessage = "This certificate does not exist or is not yours to see.";
export const alreadyRevokedMessage = "This certificate is already revoked.";

/**
 * Withdraws a certificate (its course's teacher or an admin): the public
 * page says revoked from now on, with the date and the reason ("" when none
 * was given, as the table keeps a reason exactly for revoked ones). Audited.
 */
export async function revokeCertificate(tx: DbOrTx, actor: Actor, input: { certificateId: string; reason: string }, now = new Date()) {
  const certificate = await loadAccessibleCertificate(tx, actor, input.certificateId, true);
  if (!certificate) missing(certificateNotFoundMessage);
  // Its student sees it but may not withdraw it.
  if (!can(actor, "certificate.revoke", { userId: certificate.userId, courseTeacherId: certificate.courseTeacherId })) {
    fail("Only the course's teacher or an admin can revoke a certificate.", {}, "forbidden");
  }
  if (certificate.revokedAt) fail(alreadyRevokedMessage);
  const reason = input.reason.trim();
  await tx.update(certificates).set({ revokedAt: now, revokedById: actor.id, revokedReason: reason }).where(eq(certificates.id, certificate.id));
  await recordAudit(tx, {
    actorId: actor.id,
    action: "certificate.revoked",
    entityType: "certificate",
    entityId: certificate.id,
    before: { revokedAt: null },
    after: { courseId: certificate.courseId, userId: certificate.userId, code: certificate.code, reason },
  });
  return { certificateId: certificate.id, courseId: certificate.courseId, code: certificate.code, revokedAt: now, reason };
}

export const revoke = command({
  name: "certificate.revoke",
  schema: revokeSchema,
  authorize: async (user, input, tx) => {
    const certificate = await loadAccessibleCertificate(tx, user, input.certificateId);
    return Boolean(certificate && can(user, "certificate.revoke", { userId: certificate.userId, courseTeacherId: certificate.courseTeacherId }));
  },
  run: (input, { user, tx }) => revokeCertificate(tx, user, input),
});
