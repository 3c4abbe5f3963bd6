import "server-only";
import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { certificateRules, certificates, certificateTemplates, courses, enrollments, storedFiles } from "@/db/schema";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/policy";
import { pageCountOf } from "@/lib/pagination";
import { escapeLike } from "@/lib/users/person-search";
import { visibleCertificates } from "./access";
import { normalizeCertificateCode } from "./code";
import { courseGradePercentSql } from "./course-grade";
import { loadCertificateCourse, type CertificateCourse } from "./rule-commands";

// What the certificate pages and the API read. Every list is one statement
// (a count over the window where it pages), ownership in the WHERE.

export interface CertificateRow {
  id: string;
  code: string;
  userId: string;
  courseId: string;
  courseSlug: string;
  recipientName: string;
  courseTitle: string;
  teacherName: string;
  gradePercent: number | null;
  issuedAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

const rowColumns = {
  id: certificates.id,
  code: certificates.code,
  userId: certificates.userId,
  courseId: certificates.courseId,
  courseSlug: courses.slug,
  recipientName: certificates.recipientName,
  courseTitle: certificates.courseTitle,
  teacherName: certificates.teacherName,
  gradePercent: certificates.gradePercent,
  issuedAt: certificates.issuedAt,
  revokedAt: certificates.revokedAt,
  revokedReason: certificates.revokedReason,
};

const newestFirst: SortKey[] = [
  { expr: certificates.issuedAt, direction: "desc", cast: "timestamptz" },
  { expr: certificates.id, direction: "desc", cast: "uuid" },
];

/** The actor's own certificates, newest first (revoked ones too, marked). One statement. */
export function listMyCertificates(db: DbOrTx, actor: Actor): Promise<CertificateRow[]> {
  return db
    .select(rowColumns)
    .from(certificates)
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .where(eq(certificates.userId, actor.id))
    .orderBy(...orderByKeys(newestFirst));
}

/** A keyset page of certificates matching `where` among those the actor may see; for the API. One statement. */
export function listCertificatesAfter(db: DbOrTx, actor: Actor, where: SQL | undefined, params: { cursor?: string; limit: number }) {
  return db
    .select({ ...rowColumns, cursor: cursorColumn(newestFirst) })
    .from(certificates)
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .where(and(where, visibleCertificates(actor), afterCursor(newestFirst, params.cursor)))
    .orderBy(...orderByKeys(newestFirst))
    .limit(params.limit + 1);
}

export const certificatesPerPage = 50;

/** Certificates matching a search, one numbered page: by code (however typed) or by the student's name. */
function searchCondition(q: string): SQL | undefined {
  const text = q.trim();
  if (!text) return undefined;
  const code = normalizeCertificateCode(text);
  const byName = ilike(certificates.recipientName, `%${escapeLike(text)}%`);
  return code ? or(eq(certificates.code, code), byName) : or(byName, ilike(certificates.courseTitle, `%${escapeLike(text)}%`));
}

export async function searchCertificates(db: DbOrTx, actor: Actor, { q = "", page = 1, courseId }: { q?: string; page?: number; courseId?: string }) {
  const rows = await db
    .select({ ...rowColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(certificates)
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .where(and(courseId ? eq(certificates.courseId, courseId) : undefined, visibleCertificates(actor), searchCondition(q)))
    .orderBy(...orderByKeys(newestFirst))
    .limit(certificatesPerPage)
    .offset((page - 1) * certificatesPerPage);
  const total = rows[0]?.total ?? 0;
  return { rows: rows.map(({ total: _total, ...row }) => row), total, page, pageCount: pageCountOf(total, certificatesPerPage) };
}

export interface TemplateChoice {
  id: string;
  name: string;
  isDefault: boolean;
}

export const listTemplateChoices = (db: DbOrTx): Promise<TemplateChoice[]> =>
  db
    .select({ id: certificateTemplates.id, name: certificateTemplates.name, isDefault: certificateTemplates.isDefault })
    .from(certificateTemplates)
    .orderBy(desc(certificateTemplates.isDefault), asc(certificateTemplates.name));

export interface CourseCertificateSettings {
  course: CertificateCourse;
  rule: { minGradePercent: number | null; templateId: string | null } | null;
  templates: TemplateChoice[];
}

/** The course's certificate settings page; null when the actor may not configure it. Three statements. */
export async function loadCourseCertificateSettings(db: DbOrTx, actor: Actor, courseId: string): Promise<CourseCertificateSettings | null> {
  const course = await loadCertificateCourse(db, actor, courseId);
  if (!course) return null;
  const [[rule], templates] = await Promise.all([
    db
      .select({ minGradePercent: certificateRules.minGradePercent, templateId: certificateRules.templateId })
      .from(certificateRules)
      .where(eq(certificateRules.courseId, course.id)),
    listTemplateChoices(db),
  ]);
  return { course, rule: rule ?? null, templates };
}

export interface TemplateRow {
  id: string;
  name: string;
  title: string;
  wording: string;
  signatureName: string;
  signatureTitle: string;
  isDefault: boolean;
  logo: { id: string; name: string } | null;
  /** Certificates and course rules that use it: a used template is not deleted. */
  usedBy: number;
  updatedAt: Date;
}

/** Every template with its logo and how much uses it. One statement. */
export async function listTemplates(db: DbOrTx): Promise<TemplateRow[]> {
  const rows = await db
    .select({
      id: certificateTemplates.id,
      name: certificateTemplates.name,
      title: certificateTemplates.title,
      wording: certificateTemplates.wording,
      signatureName: certificateTemplates.signatureName,
      signatureTitle: certificateTemplates.signatureTitle,
      isDefault: certificateTemplates.isDefault,
      logoId: storedFiles.id,
      logoName: storedFiles.originalName,
      usedBy: sql<number>`((SELECT count(*) FROM ${certificates} WHERE ${certificates.templateId} = ${certificateTemplates.id})
        + (SELECT count(*) FROM ${certificateRules} WHERE ${certificateRules.templateId} = ${certificateTemplates.id}))::int`.mapWith(Number),
      updatedAt: certificateTemplates.updatedAt,
    })
    .from(certificateTemplates)
    .leftJoin(storedFiles, eq(storedFiles.id, certificateTemplates.logoFileId))
    .orderBy(desc(certificateTemplates.isDefault), asc(certificateTemplates.name));
  return rows.map(({ logoId, logoName, ...row }) => ({ ...row, logo: logoId ? { id: logoId, name: logoName ?? "logo" } : null }));
}

export async function loadTemplate(db: DbOrTx, templateId: string): Promise<TemplateRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(templateId)) return null;
  return (await listTemplates(db)).find((template) => template.id === templateId) ?? null;
}

export interface CertificateStanding {
  /** The course issues certificates. */
  issues: boolean;
  minGradePercent: number | null;
  /** The student's course grade now (gradebook percent), null when nothing has points. */
  gradePercent: number | null;
  enrollmentCompleted: boolean;
  /** The newest certificate of the student in the course, valid or revoked. */
  certificate: { id: string; code: string; revoked: boolean } | null;
}

/** Where a student stands with a course's certificate, for the learn page. One statement. */
export async function loadCertificateStanding(db: DbOrTx, actor: Actor, courseId: string): Promise<CertificateStanding> {
  const [row] = await db
    .select({
      ruleCourseId: certificateRules.courseId,
      minGradePercent: certificateRules.minGradePercent,
      enrollmentStatus: enrollments.status,
      gradePercent: courseGradePercentSql(sql`${actor.id}::uuid`, sql`${courses.id}`).mapWith((value) => (value === null ? null : Number(value))),
      certificate: sql<{ id: string; code: string; revoked: boolean } | null>`(SELECT json_build_object('id', x.id, 'code', x.code, 'revoked', x.revoked_at IS NOT NULL)
        FROM ${certificates} x WHERE x.user_id = ${actor.id}::uuid AND x.course_id = ${courses.id}
        ORDER BY (x.revoked_at IS NULL) DESC, x.issued_at DESC LIMIT 1)`,
    })
    .from(courses)
    .leftJoin(certificateRules, eq(certificateRules.courseId, courses.id))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .where(eq(courses.id, courseId));
  const certificate = typeof row?.certificate === "string" ? JSON.parse(row.certificate) : (row?.certificate ?? null);
  return {
    issues: Boolean(row?.ruleCourseId),
    minGradePercent: row?.minGradePercent ?? null,
    gradePercent: row?.gradePercent ?? null,
    enrollmentCompleted: row?.enrollmentStatus === "completed",
    certificate,
  };
}
