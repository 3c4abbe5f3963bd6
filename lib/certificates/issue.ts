import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditLog } from "@/db/schema";
import { rowsOf } from "@/lib/db/rows";
import { publishAll } from "@/lib/events/publish";
import { generateCertificateCode } from "./code";
import { courseGradePercentSql } from "./course-grade";

// Issuing: every student of a course who is eligible and has no certificate
// yet gets one, with the names as they are now (the certificate keeps them),
// an audit entry and a "certificate.issued" event (its notification). Loaded
// by the worker too: no "server-only".
//
// Eligible: the course has a certificate rule, the enrolment is completed,
// the account is an active student's, and the course grade reaches the rule's
// minimum when it has one. A student whose certificate was revoked gets no new
// one automatically (the revocation was someone's decision); the teacher may
// issue one again by hand (`reissue`).
//
// Concurrency: the partial unique index (one valid certificate per student and
// course) is the arbiter. Two checks racing for the same student both try the
// INSERT; the second waits for the first, then does nothing, so one
// certificate, one audit entry and one event exist whatever the interleaving.

export interface IssuedCertificate {
  id: string;
  code: string;
  userId: string;
  courseId: string;
  recipientName: string;
  gradePercent: number | null;
}

interface Candidate {
  enrollment_id: string;
  user_id: string;
  recipient_name: string;
  course_title: string;
  teacher_name: string;
  template_id: string | null;
  grade_percent: string | number | null;
}

const displayName = (alias: string) => sql.raw(`coalesce(nullif(trim(${alias}.display_name), ''), ${alias}.username)`);

/** The eligible students of the course without a certificate (or only for one student). One statement. */
async function candidatesOf(tx: DbOrTx, courseId: string, userId: string | undefined, reissue: boolean): Promise<Candidate[]> {
  const grade = courseGradePercentSql(sql`e.user_id`, sql`c.id`);
  const previous = reissue ? sql`AND x.revoked_at IS NULL` : sql``;
  return rowsOf<Candidate>(
    await tx.execute(sql`
      SELECT * FROM (
        SELECT e.id AS enrollment_id, e.user_id, ${displayName("u")} AS recipient_name, c.title AS course_title,
          ${displayName("tu")} AS teacher_name,
          coalesce(r.template_id, (SELECT d.id FROM certificate_templates d WHERE d.is_default)) AS template_id,
          r.min_grade_percent, ${grade} AS grade_percent
        FROM certificate_rules r
        JOIN courses c ON c.id = r.course_id AND c.status <> 'draft'
        JOIN users tu ON tu.id = c.teacher_id
        JOIN enrollments e ON e.course_id = c.id AND e.status = 'completed'
        JOIN users u ON u.id = e.user_id AND u.role = 'student' AND u.is_active AND u.anonymized_at IS NULL
        WHERE r.course_id = ${courseId}::uuid ${userId ? sql`AND e.user_id = ${userId}::uuid` : sql``}
          AND NOT EXISTS (SELECT 1 FROM certificates x WHERE x.user_id = e.user_id AND x.course_id = c.id ${previous})
      ) eligible
      WHERE min_grade_percent IS NULL OR coalesce(grade_percent, 0) >= min_grade_percent
      ORDER BY user_id`),
  );
}

/**
 * Issues the certificates the course owes (to everyone, or to one student):
 * four statements whatever the number. `actorId` is who asked (null for the
 * worker); `reissue` also covers a student whose certificate was revoked.
 */
export async function issueEligibleCertificates(
  tx: DbOrTx,
  { courseId, userId, actorId = null, reissue = false }: { courseId: string; userId?: string; actorId?: string | null; reissue?: boolean },
): Promise<IssuedCertificate[]> {
  const candidates = await candidatesOf(tx, courseId, userId, reissue);
  if (candidates.length === 0) return [];
  const values = sql.join(
    candidates.map(
      (row) =>
        sql`(${generateCertificateCode()}, ${row.user_id}::uuid, ${courseId}::uuid, ${row.enrollment_id}::uuid, ${row.template_id}::uuid,
          left(${row.recipient_name}, 200), left(${row.course_title}, 200), left(${row.teacher_name}, 200), ${row.grade_percent}::numeric)`,
    ),
    sql`, `,
  );
  // A clash of codes (80 random bits) would raise here and the whole check be retried, never skipped silently.
  const issued = rowsOf<{ id: string; code: string; user_id: string; recipient_name: string; grade_percent: string | null }>(
    await tx.execute(sql`
      INSERT INTO certificates (code, user_id, course_id, enrollment_id, template_id, recipient_name, course_title, teacher_name, grade_percent)
      VALUES ${values}
      ON CONFLICT (user_id, course_id) WHERE revoked_at IS NULL DO NOTHING
      RETURNING id, code, user_id, recipient_name, grade_percent`),
  ).map((row) => ({
    id: row.id,
    code: row.code,
    userId: row.user_id,
    courseId,
    recipientName: row.recipient_name,
    gradePercent: row.grade_percent === null ? null : Number(row.grade_percent),
  }));
  if (issued.length === 0) return [];
  await tx.insert(auditLog).values(
    issued.map((certificate) => ({
      actorId,
      action: "certificate.issued",
      entityType: "certificate",
      entityId: certificate.id,
      after: { courseId, userId: certificate.userId, code: certificate.code, gradePercent: certificate.gradePercent, reissue },
    })),
  );
  await publishAll(
    tx,
    issued.map((certificate) => ({
      type: "certificate.issued" as const,
      aggregateId: certificate.id,
      payload: { certificateId: certificate.id, userId: certificate.userId, courseId },
    })),
    actorId,
  );
  return issued;
}
