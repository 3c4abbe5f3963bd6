import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { certificates } from "@/db/schema";
import { siteName } from "@/lib/site/config";
import { normalizeCertificateCode } from "./code";

// What anyone may learn from a certificate's code, signed in or not: whether
// it is valid, and what it says. Nothing else (no email, no user or course
// id): the code is printed on paper that leaves the school.

export type PublicCertificate =
  | {
      status: "valid" | "revoked";
      code: string;
      recipientName: string;
      courseTitle: string;
      teacherName: string;
      issuer: string;
      issuedAt: Date;
      revokedAt: Date | null;
      revokedReason: string | null;
    }
  | { status: "not_found" };

/** The certificate a typed code names (any case, with or without dashes). One statement, none for a malformed code. */
export async function lookUpCertificate(db: DbOrTx, typed: string): Promise<PublicCertificate> {
  const code = normalizeCertificateCode(typed);
  if (!code) return { status: "not_found" };
  const [row] = await db
    .select({
      code: certificates.code,
      recipientName: certificates.recipientName,
      courseTitle: certificates.courseTitle,
      teacherName: certificates.teacherName,
      issuedAt: certificates.issuedAt,
      revokedAt: certificates.revokedAt,
      revokedReason: certificates.revokedReason,
    })
    .from(certificates)
    .where(eq(certificates.code, code));
  if (!row) return { status: "not_found" };
  return { status: row.revokedAt ? "revoked" : "valid", issuer: siteName(), ...row };
}
