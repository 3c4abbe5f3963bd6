import { and, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { certificateRules, certificates, courses, users } from "@/db/schema";
import { normalizeCertificateCode } from "@/lib/certificates/code";
import type { CredentialCertificate } from "./credential";

export interface CertificateForCredential extends CredentialCertificate {
  minGradePercent: number | null;
  courseTeacherId: string;
  revokedAt: Date | null;
  revokedReason: string | null;
}

const columns = {
  id: certificates.id,
  code: certificates.code,
  userId: certificates.userId,
  courseId: certificates.courseId,
  recipientName: certificates.recipientName,
  recipientEmail: users.email,
  courseTitle: certificates.courseTitle,
  teacherName: certificates.teacherName,
  gradePercent: certificates.gradePercent,
  issuedAt: certificates.issuedAt,
  revokedAt: certificates.revokedAt,
  revokedReason: certificates.revokedReason,
  minGradePercent: certificateRules.minGradePercent,
  courseTeacherId: courses.teacherId,
};

function query(db: DbOrTx) {
  return db
    .select(columns)
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .leftJoin(certificateRules, eq(certificateRules.courseId, certificates.courseId));
}

/**
 * A certificate with what its credential needs, in one statement (none for
 * what cannot be a code). The code is
 * public (it is on the printed certificate), so this read takes no user: the
 * credential says nothing the verification page does not.
 */
export async function loadCertificateByCode(db: DbOrTx, typed: string): Promise<CertificateForCredential | null> {
  // Read as the verification page reads it: any case, with or without dashes.
  const code = normalizeCertificateCode(typed);
  if (!code) return null;
  const [row] = await query(db).where(eq(certificates.code, code));
  return row ?? null;
}

/** By id, with the caller's access condition (see queries.ts) in the same WHERE. */
export async function loadCertificateById(db: DbOrTx, certificateId: string, access?: SQL): Promise<CertificateForCredential | null> {
  const [row] = await query(db).where(and(eq(certificates.id, certificateId), access));
  return row ?? null;
}
