// Certificates: issued in the background when an enrolment completes (and the
// course grade reaches the rule's minimum), once however many checks race,
// revoked by the course's teacher or an admin, verified publicly with only
// what the certificate says, its PDF for its readers only, templates, the
// rule's API, and anonymising the student. Runs on PGlite and PostgreSQL.
import { and, eq, inArray } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, certificateRules, certificates, certificateTemplates, notifications, submissions } from "@/db/schema";
import { executeAction } from "@/lib/actions/action";
import { gradeSubmission } from "@/lib/assignments/grade-submission";
import { submitWork } from "@/lib/assignments/submit-work";
import { createApiToken } from "@/lib/api/tokens";
import type { CurrentUser } from "@/lib/auth/session-user";
import { withCertificateHandlers } from "@/lib/certificates/event-handlers";
import { issueEligibleCertificates } from "@/lib/certificates/issue";
import { lookUpCertificate } from "@/lib/certificates/public-lookup";
import { revoke } from "@/lib/certificates/revoke";
import { issueNow, reissue, saveRule } from "@/lib/certificates/rule-commands";
import { createTemplateCommand, deleteTemplateCommand, setDefaultTemplateCommand } from "@/lib/certificates/template-commands";
import { processPendingEvents } from "@/lib/events/process-events";
import { notificationHandlers } from "@/lib/notifications/fan-out";
import { completeLesson } from "@/lib/progress/complete-lesson";
import { demoCertificateStudentEmail, seedDemoCertificates } from "@/lib/seed/demo-certificates";
import { anonymizeUser, formerUserName } from "@/lib/users/anonymize-user";
import { GET as downloadPdf } from "@/app/api/certificates/[certificateId]/pdf/route";
import { assignmentSetUp, inTx } from "./assignment-fixtures";
import { createUser, testDb } from "./helpers";
import { createActor, createCourse, insertEnrollment, type CourseFixture } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

/** What the worker does: events to handlers, twice so the certificate's own event is delivered too. */
const runWorker = async () => {
  await processPendingEvents(testDb(), withCertificateHandlers(notificationHandlers));
  await processPendingEvents(testDb(), withCertificateHandlers(notificationHandlers));
};
const certificatesOf = (userId: string, courseId: string) =>
  testDb().select().from(certificates).where(and(eq(certificates.userId, userId), eq(certificates.courseId, courseId)));
const auditsOf = (action: string, entityIds: string[]) =>
  entityIds.length === 0 ? Promise.resolve([]) : testDb().select().from(auditLog).where(and(eq(auditLog.action, action), inArray(auditLog.entityId, entityIds)));
const completeAll = async (student: CurrentUser, lessonIds: string[]) => {
  for (const lessonId of lessonIds) await inTx((tx) => completeLesson(tx, student, lessonId));
};
const turnOn = (courseId: string, minGradePercent: number | null = null) => testDb().insert(certificateRules).values({ courseId, minGradePercent });

let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let admin: CurrentUser;
let student: CurrentUser;
let course: CourseFixture;

beforeEach(async () => {
  [teacher, otherTeacher, admin, student] = await Promise.all([createActor("teacher"), createActor("teacher"), createActor("admin"), createActor("student")]);
  course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
  await insertEnrollment(student.id, course.id);
});

describe("issuing", () => {
  it("completing the course issues one certificate in the background, with the names as they were, audited, and tells the student", async () => {
    await turnOn(course.id);
    await completeAll(student, course.lessonIds);
    // Completing the last lesson only publishes the event: the certificate is the worker's.
    expect(await certificatesOf(student.id, course.id)).toEqual([]);
    await runWorker();
    const [certificate, ...more] = await certificatesOf(student.id, course.id);
    expect(more).toEqual([]);
    expect(certificate).toMatchObject({ recipientName: student.username, courseTitle: expect.stringMatching(/^Fixture course/), gradePercent: null, revokedAt: null });
    expect(certificate!.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(await auditsOf("certificate.issued", [certificate!.id])).toHaveLength(1);
    const told = await testDb().select().from(notifications).where(and(eq(notifications.userId, student.id), eq(notifications.type, "certificate.issued")));
    expect(told).toEqual([expect.objectContaining({ title: `Your certificate for ${certificate!.courseTitle} is ready`, link: "/certificates" })]);
    // Running the worker again changes nothing.
    await runWorker();
    expect(await certificatesOf(student.id, course.id)).toHaveLength(1);
  });

  it("a course without a certificate rule issues nothing", async () => {
    await completeAll(student, course.lessonIds);
    await runWorker();
    expect(await certificatesOf(student.id, course.id)).toEqual([]);
  });

  it("a minimum grade holds the certificate back until a released grade reaches it", async () => {
    const setUp = await assignmentSetUp({ maxPoints: 20 });
    await turnOn(setUp.course.id, 70);
    await completeAll(setUp.student, setUp.course.lessonIds);
    const handedIn = await inTx((tx) => submitWork(tx, setUp.student, { taskId: setUp.taskId, text: "Done", fileIds: [] }));
    await inTx((tx) => gradeSubmission(tx, setUp.teacher, { submissionId: handedIn.submissionId, revision: 1, points: 10, feedback: "", release: true }));
    await runWorker();
    // Completed, but 50% of the course's points.
    expect(await certificatesOf(setUp.student.id, setUp.course.id)).toEqual([]);
    const [current] = await testDb().select({ revision: submissions.revision }).from(submissions).where(eq(submissions.id, handedIn.submissionId));
    await inTx((tx) => gradeSubmission(tx, setUp.teacher, { submissionId: handedIn.submissionId, revision: current!.revision, points: 16, feedback: "", release: true }));
    await runWorker();
    expect(await certificatesOf(setUp.student.id, setUp.course.id)).toEqual([expect.objectContaining({ gradePercent: 80 })]);
  });

  it("two checks racing for the same student make one certificate, one audit entry and one event", async () => {
    await turnOn(course.id);
    await completeAll(student, course.lessonIds);
    const results = await Promise.all([
      inTx((tx) => issueEligibleCertificates(tx, { courseId: course.id, userId: student.id })),
      inTx((tx) => issueEligibleCertificates(tx, { courseId: course.id, userId: student.id })),
      inTx((tx) => issueEligibleCertificates(tx, { courseId: course.id })),
    ]);
    expect(results.flat()).toHaveLength(1);
    const rows = await certificatesOf(student.id, course.id);
    expect(rows).toHaveLength(1);
    expect(await auditsOf("certificate.issued", rows.map((row) => row.id))).toHaveLength(1);
  });

  it("“Issue now” issues what a course owes to everyone at once, for its teacher or an admin only", async () => {
    const others = await Promise.all([createActor("student"), createActor("student")]);
    for (const other of others) await insertEnrollment(other.id, course.id, "completed");
    await insertEnrollment((await createActor("student")).id, course.id, "active");
    const refused = await executeAction(issueNow, { courseId: course.id }, teacher);
    expect(refused).toMatchObject({ ok: false, error: "This course does not issue certificates: turn them on first." });
    await executeAction(saveRule, { courseId: course.id, minGradePercent: "", templateId: "" }, teacher);
    expect(await executeAction(issueNow, { courseId: course.id }, otherTeacher)).toMatchObject({ ok: false });
    expect(await executeAction(issueNow, { courseId: course.id }, teacher)).toMatchObject({ ok: true, data: { issuedCount: 2 } });
    expect(await executeAction(issueNow, { courseId: course.id }, admin)).toMatchObject({ ok: true, data: { issuedCount: 0 } });
  });
});

describe("the rule", () => {
  it("is saved with a clear message next to a bad field, and audited", async () => {
    expect(await executeAction(saveRule, { courseId: course.id, minGradePercent: "150", templateId: "" }, teacher)).toMatchObject({
      ok: false,
      fieldErrors: { minGradePercent: [expect.stringContaining("0 to 100")] },
    });
    const unknownTemplate = await executeAction(saveRule, { courseId: course.id, minGradePercent: "", templateId: crypto.randomUUID() }, teacher);
    expect(unknownTemplate).toMatchObject({ ok: false, fieldErrors: { templateId: [expect.any(String)] } });
    expect(await testDb().select().from(certificateRules).where(eq(certificateRules.courseId, course.id))).toEqual([]);
    expect(await executeAction(saveRule, { courseId: course.id, minGradePercent: "70", templateId: "" }, student)).toMatchObject({ ok: false });
    expect(await executeAction(saveRule, { courseId: course.id, minGradePercent: "70", templateId: "" }, teacher)).toMatchObject({ ok: true });
    const [entry] = await auditsOf("certificate_rule.updated", [course.id]);
    expect(entry).toMatchObject({ actorId: teacher.id, before: null, after: { minGradePercent: 70, templateId: null } });
  });
});

describe("revoking", () => {
  async function issued() {
    await insertEnrollment((await createActor("student")).id, course.id, "completed");
    await turnOn(course.id);
    const [certificate] = await inTx((tx) => issueEligibleCertificates(tx, { courseId: course.id }));
    return certificate!;
  }

  it("the course's teacher revokes with a reason; the public page says so; the student is not issued another by itself", async () => {
    const certificate = await issued();
    expect(await executeAction(revoke, { certificateId: certificate.id, reason: "Work was copied" }, otherTeacher)).toMatchObject({ ok: false });
    const done = await executeAction(revoke, { certificateId: certificate.id, reason: "  Work was copied\u202e " }, teacher);
    expect(done).toMatchObject({ ok: true, data: { reason: "Work was copied" } });
    expect(await executeAction(revoke, { certificateId: certificate.id, reason: "" }, admin)).toMatchObject({ ok: false, error: "This certificate is already revoked." });
    const [entry] = await auditsOf("certificate.revoked", [certificate.id]);
    expect(entry).toMatchObject({ actorId: teacher.id, after: expect.objectContaining({ reason: "Work was copied" }) });
    expect(await lookUpCertificate(testDb(), certificate.code)).toMatchObject({ status: "revoked", revokedReason: "Work was copied", revokedAt: expect.any(Date) });
    expect(await inTx((tx) => issueEligibleCertificates(tx, { courseId: course.id }))).toEqual([]);
    // The teacher may issue one again, by hand.
    expect(await executeAction(reissue, { courseId: course.id, userId: certificate.userId }, teacher)).toMatchObject({ ok: true });
    expect((await certificatesOf(certificate.userId, course.id)).map((row) => Boolean(row.revokedAt)).sort()).toEqual([false, true]);
  });

  it("without a reason keeps an empty one (revoked exactly when a reason is stored)", async () => {
    const certificate = await issued();
    expect(await executeAction(revoke, { certificateId: certificate.id }, admin)).toMatchObject({ ok: true });
    const [row] = await testDb().select().from(certificates).where(eq(certificates.id, certificate.id));
    expect(row).toMatchObject({ revokedReason: "", revokedById: admin.id });
  });

  it("its student may not revoke it", async () => {
    const owner = await createActor("student");
    await insertEnrollment(owner.id, course.id, "completed");
    await turnOn(course.id);
    const [certificate] = await inTx((tx) => issueEligibleCertificates(tx, { courseId: course.id, userId: owner.id }));
    expect(await executeAction(revoke, { certificateId: certificate!.id, reason: "" }, owner)).toMatchObject({ ok: false });
    expect((await certificatesOf(owner.id, course.id))[0]!.revokedAt).toBeNull();
  });
});

describe("public verification", () => {
  it("finds a code however it is typed, with only the certificate's public fields", async () => {
    await turnOn(course.id);
    await completeAll(student, course.lessonIds);
    const [certificate] = await inTx((tx) => issueEligibleCertificates(tx, { courseId: course.id }));
    const typed = `${certificate!.code.slice(0, 4)}-${certificate!.code.slice(4, 8)}-${certificate!.code.slice(8, 12)}-${certificate!.code.slice(12)}`.toLowerCase();
    const found = await lookUpCertificate(testDb(), typed);
    expect(found).toMatchObject({ status: "valid", code: certificate!.code, recipientName: student.username, issuer: "Jeevi Academy", revokedAt: null });
    expect(Object.keys(found).sort()).toEqual(["code", "courseTitle", "issuedAt", "issuer", "recipientName", "revokedAt", "revokedReason", "status", "teacherName"]);
    expect(JSON.stringify(found)).not.toContain(student.email);
    expect(JSON.stringify(found)).not.toContain(student.id);
    expect(await lookUpCertificate(testDb(), "0000-0000-0000-0000")).toEqual({ status: "not_found" });
    expect(await lookUpCertificate(testDb(), "'; DROP TABLE certificates; --")).toEqual({ status: "not_found" });
  });
});

describe("the PDF", () => {
  it("downloads for its student, the course's teacher and admins; anyone else and guests get not found", async () => {
    await turnOn(course.id);
    await completeAll(student, course.lessonIds);
    const [certificate] = await inTx((tx) => issueEligibleCertificates(tx, { courseId: course.id }));
    const classmate = await createActor("student");
    const courseTitle = (await certificatesOf(student.id, course.id))[0]!.courseTitle;
    const call = async (who: CurrentUser | null) => {
      const headers: Record<string, string> = {};
      if (who) headers.authorization = `Bearer ${(await testDb().transaction((tx) => createApiToken(tx, who, { name: "pdf", lifetime: "30" }))).token}`;
      return downloadPdf(new Request(`http://localhost/api/certificates/${certificate!.id}/pdf`, { headers }), { params: Promise.resolve({ certificateId: certificate!.id }) });
    };
    for (const who of [student, teacher, admin]) {
      const answer = await call(who);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("application/pdf");
      expect(answer.headers.get("content-disposition")).toBe(`attachment; filename="certificate-${certificate!.code}.pdf"`);
      expect(answer.headers.get("cache-control")).toContain("private");
      const pdf = await PDFDocument.load(new Uint8Array(await answer.arrayBuffer()));
      expect(pdf.getPageCount()).toBe(1);
      expect(pdf.getTitle()).toBe(`Certificate of completion: ${student.username}, ${courseTitle}`);
    }
    for (const who of [classmate, otherTeacher, null]) expect((await call(who)).status).toBe(404);
    const malformed = await downloadPdf(new Request("http://localhost/api/certificates/nope/pdf"), { params: Promise.resolve({ certificateId: "nope" }) });
    expect(malformed.status).toBe(404);
  }, 30_000);
});

describe("templates", () => {
  const values = { name: "Main", title: "Certificate of achievement", wording: "{student} completed {course} on {date}.", signatureName: "R. Iyer", signatureTitle: "Principal" };

  it("the first is the default; unknown placeholders and taken names are refused next to the field; only admins; audited", async () => {
    await testDb().delete(certificateTemplates);
    expect(await executeAction(createTemplateCommand, values, teacher)).toMatchObject({ ok: false });
    expect(await executeAction(createTemplateCommand, { ...values, wording: "{student} in {grade}" }, admin)).toMatchObject({
      ok: false,
      fieldErrors: { wording: [expect.stringContaining("{grade}")] },
    });
    const first = await executeAction(createTemplateCommand, values, admin);
    expect(first.ok).toBe(true);
    expect(await executeAction(createTemplateCommand, { ...values, name: "MAIN" }, admin)).toMatchObject({ ok: false, fieldErrors: { name: ["Another template has this name."] } });
    const second = await executeAction(createTemplateCommand, { ...values, name: "Second" }, admin);
    const firstId = first.ok ? first.data.templateId : "";
    const secondId = second.ok ? second.data.templateId : "";
    const defaults = async () => (await testDb().select().from(certificateTemplates).where(eq(certificateTemplates.isDefault, true))).map((t) => t.id);
    expect(await defaults()).toEqual([firstId]);
    await executeAction(setDefaultTemplateCommand, { templateId: secondId }, admin);
    expect(await defaults()).toEqual([secondId]);
    // A template a certificate uses stays.
    await testDb().insert(certificateRules).values({ courseId: course.id, templateId: firstId });
    expect(await executeAction(deleteTemplateCommand, { templateId: firstId }, admin)).toMatchObject({ ok: false, error: expect.stringContaining("cannot be deleted") });
    await testDb().delete(certificateRules).where(eq(certificateRules.courseId, course.id));
    expect(await executeAction(deleteTemplateCommand, { templateId: firstId }, admin)).toMatchObject({ ok: true });
    expect(await auditsOf("certificate_template.created", [firstId, secondId])).toHaveLength(2);
    expect(await auditsOf("certificate_template.updated", [secondId])).toHaveLength(1);
    expect(await auditsOf("certificate_template.deleted", [firstId])).toHaveLength(1);
  });
});

describe("anonymising the student", () => {
  it("keeps the certificate (the course's record) with the anonymised name in place of the person's", async () => {
    await turnOn(course.id);
    await completeAll(student, course.lessonIds);
    const [certificate] = await inTx((tx) => issueEligibleCertificates(tx, { courseId: course.id }));
    await inTx((tx) => anonymizeUser(tx, admin, student.id));
    expect(await lookUpCertificate(testDb(), certificate!.code)).toMatchObject({ status: "valid", recipientName: formerUserName });
  });
});

describe("the demo seed", () => {
  it("makes the default template, a rule, and a certificate for a demo student who finished the course", async () => {
    await testDb().delete(certificateTemplates);
    const demo = await createUser({ email: demoCertificateStudentEmail, role: "student" });
    const demoCourse = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 2 });
    await insertEnrollment(demo.id, demoCourse.id);
    const seeded = await inTx((tx) => seedDemoCertificates(tx));
    expect(seeded).toMatchObject({ courseId: demoCourse.id, certificate: { userId: demo.id } });
    const [template] = await testDb().select().from(certificateTemplates);
    expect(template).toMatchObject({ name: "Jeevi Academy", signatureTitle: "Principal", isDefault: true });
    expect(await certificatesOf(demo.id, demoCourse.id)).toEqual([expect.objectContaining({ templateId: template!.id })]);
  });
});
