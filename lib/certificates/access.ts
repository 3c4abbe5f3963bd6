import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { certificates, courses } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";

// Who reaches an issued certificate's record and PDF: its student, its
// course's teacher and admins (certificate.view). The rule is in the WHERE,
// so anyone else's certificate reads as not found, and asked of the policy too.

/** The certificates the actor may see, as SQL for a WHERE. */
export function visibleCertificates(actor: Actor): SQL | undefined {
  if (actor.role === "admin") return undefined;
  if (actor.role === "teacher") return or(eq(certificates.userId, actor.id), eq(courses.teacherId, actor.id));
  return eq(certificates.userId, actor.id);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessibleCertificate {
  id: string;
  code: string;
  userId: string;
  courseId: string;
  courseSlug: string;
  courseTeacherId: string;
  templateId: string | null;
  recipientName: string;
  courseTitle: string;
  teacherName: string;
  gradePercent: number | null;
  issuedAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

/** The certificate when the actor may see it; else null (a malformed id too). One statement; `lock` for a change. */
export async function loadAccessibleCertificate(db: DbOrTx, actor: Actor, certificateId: string, lock = false): Promise<AccessibleCertificate | null> {
  if (!uuidPattern.test(certificateId)) return null;
  const query = db
    .select({
      id: certificates.id,
      code: certificates.code,
      userId: certificates.userId,
      courseId: certificates.courseId,
      courseSlug: courses.slug,
      courseTeacherId: courses.teacherId,
      templateId: certificates.templateId,
      recipientName: certificates.recipientName,
      courseTitle: certificates.courseTitle,
      teacherName: certificates.teacherName,
      gradePercent: certificates.gradePercent,
      issuedAt: certificates.issuedAt,
      revokedAt: certificates.revokedAt,
      revokedReason: certificates.revokedReason,
    })
    .from(certificates)
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .where(and(eq(certificates.id, certificateId), visibleCertificates(actor) ?? sql`true`));
  const [row] = lock ? await query.for("update", { of: certificates }) : await query;
  if (!row || !can(actor, "certificate.view", { userId: row.userId, courseTeacherId: row.courseTeacherId })) return null;
  return row;
}
