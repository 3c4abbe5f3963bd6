import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { certificateRules, certificateTemplates, courses } from "@/db/schema";
import { command } from "@/lib/actions/command";
import { fail, invalidInputMessage, missing } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { issueEligibleCertificates, type IssuedCertificate } from "./issue";
import { courseIdSchema, issueForStudentSchema, saveRuleSchema, type SaveRuleValues } from "./schemas";

// Whether a course issues certificates, on what grade and with which
// template, and issuing by hand: the course's teacher or an admin
// (certificate.configure). Every change is audited. The server actions, the
// REST API and the tests all run these.


export const certificateCourseNotFoundMessage = "This course does not exist or you do not teach it.";
export const noRuleMessage = "This course does not issue certificates: turn them on first.";
export const unknownTemplateMessage = "That template no longer exists. Choose another, or the site's default.";

export interface CertificateCourse {
  id: string;
  slug: string;
  title: string;
  teacherId: string;
}

/** The course when the actor may configure its certificates (its teacher or an admin); else null. One statement. */
export async function loadCertificateCourse(db: DbOrTx, actor: Actor, courseId: string, lock = false): Promise<CertificateCourse | null> {
  const query = db
    .select({ id: courses.id, slug: courses.slug, title: courses.title, teacherId: courses.teacherId, status: courses.status, visibility: courses.visibility })
    .from(courses)
    .where(and(eq(courses.id, courseId), taughtCourses(actor)));
  const [course] = lock ? await query.for("update") : await query;
  if (!course || !can(actor, "certificate.configure", course)) return null;
  return { id: course.id, slug: course.slug, title: course.title, teacherId: course.teacherId };
}

async function configurableCourse(tx: DbOrTx, actor: Actor, courseId: string): Promise<CertificateCourse> {
  const course = await loadCertificateCourse(tx, actor, courseId, true);
  if (!course) missing(certificateCourseNotFoundMessage);
  return course;
}

export interface RuleValues {
  minGradePercent: number | null;
  templateId: string | null;
}

/** The course's rule, or null when it issues no certificates. */
export async function ruleOf(db: DbOrTx, courseId: string): Promise<RuleValues | null> {
  const [rule] = await db
    .select({ minGradePercent: certificateRules.minGradePercent, templateId: certificateRules.templateId })
    .from(certificateRules)
    .where(eq(certificateRules.courseId, courseId));
  return rule ?? null;
}

/** Turns certificates on (or changes the minimum grade or template); audited with the rule before and after. */
export async function saveCertificateRule(tx: DbOrTx, actor: Actor, input: SaveRuleValues) {
  const course = await configurableCourse(tx, actor, input.courseId);
  if (input.templateId) {
    const [template] = await tx.select({ id: certificateTemplates.id }).from(certificateTemplates).where(eq(certificateTemplates.id, input.templateId));
    if (!template) fail(invalidInputMessage, { templateId: [unknownTemplateMessage] });
  }
  const before = await ruleOf(tx, course.id);
  const after: RuleValues = { minGradePercent: input.minGradePercent, templateId: input.templateId };
  await tx
    .insert(certificateRules)
    .values({ courseId: course.id, ...after })
    .onConflictDoUpdate({ target: certificateRules.courseId, set: { ...after, updatedAt: new Date() } });
  if (!before || before.minGradePercent !== after.minGradePercent || before.templateId !== after.templateId) {
    await recordAudit(tx, { actorId: actor.id, action: "certificate_rule.updated", entityType: "course", entityId: course.id, before, after });
  }
  return { courseId: course.id, slug: course.slug, rule: after };
}

/** Turns certificates off; those already issued stay valid. Audited. */
export async function removeCertificateRule(tx: DbOrTx, actor: Actor, courseId: string) {
  const course = await configurableCourse(tx, actor, courseId);
  const [removed] = await tx
    .delete(certificateRules)
    .where(eq(certificateRules.courseId, course.id))
    .returning({ minGradePercent: certificateRules.minGradePercent, templateId: certificateRules.templateId });
  if (removed) {
    await recordAudit(tx, { actorId: actor.id, action: "certificate_rule.updated", entityType: "course", entityId: course.id, before: removed, after: null });
  }
  return { courseId: course.id, slug: course.slug, removed: Boolean(removed) };
}

/** Checks every student of the course now and issues what is owed (never again to a revoked certificate's student). */
export async function issueForEligible(tx: DbOrTx, actor: Actor, courseId: string): Promise<{ courseId: string; slug: string; issued: IssuedCertificate[] }> {
  const course = await configurableCourse(tx, actor, courseId);
  if (!(await ruleOf(tx, course.id))) fail(noRuleMessage);
  const issued = await issueEligibleCertificates(tx, { courseId: course.id, actorId: actor.id });
  return { courseId: course.id, slug: course.slug, issued };
}

/** Issues a new certificate to one eligible student whose earlier one was revoked. */
export async function reissueCertificate(tx: DbOrTx, actor: Actor, input: { courseId: string; userId: string }) {
  const course = await configurableCourse(tx, actor, input.courseId);
  if (!(await ruleOf(tx, course.id))) fail(noRuleMessage);
  const [issued] = await issueEligibleCertificates(tx, { courseId: course.id, userId: input.userId, actorId: actor.id, reissue: true });
  if (!issued) fail("This student is not eligible now, or already holds a valid certificate.");
  return { courseId: course.id, slug: course.slug, issued };
}

// The actions' configurations without their `after`: the action files add revalidation.

export const saveRule = command({
  name: "certificate.rule_save",
  schema: saveRuleSchema,
  authorize: async (user, input, tx) => Boolean(await loadCertificateCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => saveCertificateRule(tx, user, input),
});

export const removeRule = command({
  name: "certificate.rule_remove",
  schema: courseIdSchema,
  authorize: async (user, input, tx) => Boolean(await loadCertificateCourse(tx, user, input.courseId)),
  run: (input, { user, tx }) => removeCertificateRule(tx, user, input.courseId),
});

export const issueNow = command({
  name: "certificate.issue_now",
  schema: courseIdSchema,
  authorize: async (user, input, tx) => Boolean(await loadCertificateCourse(tx, user, input.courseId)),
  run: async (input, { user, tx }) => {
    const result = await issueForEligible(tx, user, input.courseId);
    return { courseId: result.courseId, slug: result.slug, issuedCount: result.issued.length };
  },
});

export const reissue = command({
  name: "certificate.reissue",
  schema: issueForStudentSchema,
  authorize: async (user, input, tx) => Boolean(await loadCertificateCourse(tx, user, input.courseId)),
  run: async (input, { user, tx }) => {
    const result = await reissueCertificate(tx, user, input);
    return { courseId: result.courseId, slug: result.slug, certificateId: result.issued.id };
  },
});
