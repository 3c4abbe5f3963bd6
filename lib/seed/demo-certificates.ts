// The demo site's certificates: a default template ("Jeevi Academy", signed
// by the principal), a rule on one demo course, and a certificate for a demo
// student who completed it. Call it once, after the courses, enrolments,
// quizzes and assignments are seeded (their progress decides who completed).
// The demo student's (student11@jeevi.example, in the Calculus Study Group) completed enrolment is
// preferred; when it has none, its most advanced course is finished for real
// (every lesson completed, every published task's progress completed) and
// recomputed; failing that, any demo student's completed enrolment.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { certificateRules, certificateTemplates, courses, enrollments, learningTasks, lessonCompletions, lessons, modules, taskProgress, users } from "@/db/schema";
import { issueEligibleCertificates, type IssuedCertificate } from "@/lib/certificates/issue";
import { recomputeEnrollmentProgress } from "@/lib/progress/recompute-enrollment-progress";

// A demo student no other demo story or test leans on: finishing its one course changes nothing they read.
export const demoCertificateStudentEmail = "student11@jeevi.example";

export interface DemoCertificates {
  templateId: string;
  courseId: string | null;
  certificate: IssuedCertificate | null;
}

async function completedEnrollment(tx: DbOrTx, onlyDemoStudent: boolean) {
  const [row] = await tx
    .select({ userId: enrollments.userId, courseId: enrollments.courseId })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(
      and(
        eq(enrollments.status, "completed"),
        eq(users.role, "student"),
        eq(courses.status, "published"),
        onlyDemoStudent ? eq(users.email, demoCertificateStudentEmail) : undefined,
      ),
    )
    .orderBy(desc(enrollments.completedAt));
  return row ?? null;
}

/** Finishes the demo student's most advanced published course: every lesson and published task done. */
async function finishOneCourse(tx: DbOrTx) {
  const [row] = await tx
    .select({ userId: enrollments.userId, courseId: enrollments.courseId })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(and(eq(users.email, demoCertificateStudentEmail), eq(courses.status, "published"), inArray(enrollments.status, ["active", "completed"])))
    .orderBy(desc(enrollments.progressPercent));
  if (!row) return null;
  const lessonRows = await tx
    .select({ id: lessons.id })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(modules.courseId, row.courseId));
  if (lessonRows.length > 0) {
    await tx.insert(lessonCompletions).values(lessonRows.map((lesson) => ({ userId: row.userId, lessonId: lesson.id }))).onConflictDoNothing();
  }
  const tasks = await tx
    .select({ id: learningTasks.id })
    .from(learningTasks)
    .where(and(eq(learningTasks.courseId, row.courseId), eq(learningTasks.status, "published")));
  for (const task of tasks) {
    await tx
      .insert(taskProgress)
      .values({ userId: row.userId, taskId: task.id, status: "completed", completedAt: new Date() })
      .onConflictDoNothing();
  }
  const progress = await recomputeEnrollmentProgress(tx, row.userId, row.courseId);
  return progress?.status === "completed" ? row : null;
}

export async function seedDemoCertificates(tx: DbOrTx): Promise<DemoCertificates> {
  // Idempotent like the rest of the seed: a second run finds the template and the certificate.
  await tx
    .insert(certificateTemplates)
    .values({
      name: "Jeevi Academy",
      title: "Certificate of completion",
      wording: "This certifies that {student} has successfully completed the course {course}, taught by {teacher}, on {date}.",
      signatureName: "Dr. Kavya Raman",
      signatureTitle: "Principal",
      isDefault: true,
    })
    .onConflictDoNothing();
  const [template] = await tx
    .select({ id: certificateTemplates.id })
    .from(certificateTemplates)
    .where(eq(sql`lower(${certificateTemplates.name})`, "jeevi academy"));
  const target = (await completedEnrollment(tx, true)) ?? (await finishOneCourse(tx)) ?? (await completedEnrollment(tx, false));
  if (!target) return { templateId: template!.id, courseId: null, certificate: null };
  await tx.insert(certificateRules).values({ courseId: target.courseId }).onConflictDoNothing();
  const [certificate] = await issueEligibleCertificates(tx, { courseId: target.courseId, userId: target.userId });
  return { templateId: template!.id, courseId: target.courseId, certificate: certificate ?? null };
}
