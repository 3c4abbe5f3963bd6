import { and, eq, inArray, sql } from "drizzle-orm";
import fs from "node:fs";
import { hashPassword } from "@/lib/auth/password";
import { storeFile } from "@/lib/storage/store-file";
import { recomputeEnrollmentProgress } from "@/lib/progress/recompute-enrollment-progress";
import type { Database, DbOrTx } from "@/db";
import { courses, enrollments, lessonCompletions, lessons, modules, users } from "@/db/schema";
import { demoAccounts, demoPassword } from "./demo-accounts";
import { demoCourses, type DemoCourse } from "./demo-courses";
import { demoAssignments } from "./demo-assignments";
import { demoAnnouncements, demoThreads } from "./demo-community";
import { demoQuizzes } from "./demo-quizzes";
import { seedAssignment } from "./seed-assignment";
import { seedAnnouncement, seedThread } from "./seed-community";
import { seedQuiz } from "./seed-quiz";
import { seedDemoEvents, seedDemoReleaseRule } from "./demo-pacing";
import { seedDemoCertificates } from "./demo-certificates";
import { seedDemoCohorts } from "./demo-cohorts";
import { demoSectionCourseSlug, seedDemoSections } from "./demo-sections";

export interface SeedReport {
  usersCreated: number;
  coursesCreated: number;
}

/**
 * Loads the demo site. Idempotent: accounts are matched by email and courses by
 * slug, and whatever already exists is left exactly as it is.
 */
export async function seedDemoData(db: Database): Promise<SeedReport> {
  const passwordHash = await hashPassword(demoPassword);
  return db.transaction(async (tx) => {
    const insertedUsers = await tx
      .insert(users)
      .values(
        demoAccounts.map((account) => ({
          email: account.email,
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          gradeLevel: account.gradeLevel ?? null,
          passwordHash,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: users.id });

    const accountRows = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(sql`lower(${users.email})`, demoAccounts.map((a) => a.email)));
    const idByEmail = new Map(accountRows.map((row) => [row.email.toLowerCase(), row.id]));

    let coursesCreated = 0;
    for (const course of demoCourses) {
      const teacherId = idByEmail.get(course.teacherEmail);
      if (!teacherId) continue;
      const [created] = await tx
        .insert(courses)
        .values({
          slug: course.slug,
          title: course.title,
          subject: course.subject,
          status: course.status,
          visibility: course.visibility,
          enrollmentKey: course.enrollmentKey ?? null,
          description: course.description,
          learningObjectives: course.learningObjectives,
          prerequisites: course.prerequisites,
          teacherId,
          publishedAt: course.status === "published" ? new Date() : null,
        })
        .onConflictDoNothing()
        .returning({ id: courses.id });
      if (!created) continue;
      coursesCreated++;

      const lessonIds: string[] = [];
      const moduleIds: string[] = [];
      const fileIds = new Map<string, string>();
      for (const lesson of course.modules.flatMap((m) => m.lessons)) {
        if (!lesson.file) continue;
        const stored = await storeFile(tx, {
          content: fs.readFileSync(new URL(`./files/${lesson.file}`, import.meta.url)),
          originalName: lesson.file,
          uploadedBy: teacherId,
          courseId: created.id,
        });
        fileIds.set(lesson.file, stored.id);
      }
      for (const [moduleIndex, module] of course.modules.entries()) {
        const [moduleRow] = await tx
          .insert(modules)
          .values({ courseId: created.id, title: module.title, description: module.description, position: moduleIndex })
          .returning({ id: modules.id });
        moduleIds.push(moduleRow!.id);
        const lessonRows = await tx
          .insert(lessons)
          .values(
            module.lessons.map((lesson, lessonIndex) => ({
              moduleId: moduleRow!.id,
              title: lesson.title,
              contentType: lesson.type,
              body: lesson.body ?? "",
              externalUrl: lesson.url ?? null,
              fileId: lesson.file ? (fileIds.get(lesson.file) ?? null) : null,
              durationMinutes: lesson.minutes,
              position: lessonIndex,
            })),
          )
          .returning({ id: lessons.id, position: lessons.position });
        lessonIds.push(...lessonRows.sort((a, b) => a.position - b.position).map((row) => row.id));
      }

      for (const enrollment of course.enrollments) {
        const userId = idByEmail.get(enrollment.email);
        if (!userId) continue;
        await tx.insert(enrollments).values({ userId, courseId: created.id }).onConflictDoNothing();
        const done = lessonIds.slice(0, enrollment.completedLessons);
        if (done.length > 0) {
          await tx
            .insert(lessonCompletions)
            .values(done.map((lessonId) => ({ userId, lessonId })))
            .onConflictDoNothing();
        }
        await recomputeEnrollmentProgress(tx, userId, created.id);
      }

      // After the enrolments: the demo attempts are graded into their students' progress.
      for (const quiz of demoQuizzes.filter((entry) => entry.courseSlug === course.slug)) {
        await seedQuiz(tx, quiz, { courseId: created.id, moduleId: moduleIds[quiz.moduleIndex]!, idByEmail });
      }
      // Then the assignments, handed in and (some) graded like real ones.
      for (const assignment of demoAssignments.filter((entry) => entry.courseSlug === course.slug)) {
        await seedAssignment(tx, assignment, { courseId: created.id, moduleId: moduleIds[assignment.moduleIndex]!, teacherId, idByEmail });
      }
      // Last, the course's community: an announcement and a discussion with replies.
      for (const announcement of demoAnnouncements.filter((entry) => entry.courseSlug === course.slug)) {
        await seedAnnouncement(tx, announcement, { courseId: created.id, teacherId });
      }
      for (const thread of demoThreads.filter((entry) => entry.courseSlug === course.slug)) {
        await seedThread(tx, thread, { courseId: created.id, lessonIds, idByEmail });
      }
      // Pacing to look at: a module that waits, and a term's events in the calendar.
      if (course.slug === "cell-biology") await seedDemoReleaseRule(tx, created.id, 1);
      if (course.slug === "mechanics-motion-and-forces") await seedDemoEvents(tx, created.id, teacherId);
      // Two classes in one course, one of them with a second teacher of its own.
      if (course.slug === demoSectionCourseSlug) {
        await seedDemoSections(tx, created.id, idByEmail, course.enrollments.map((entry) => entry.email));
      }
      await backdateEnrollments(tx, created.id, course.enrollments, idByEmail);
    }
    await seedDemoCohorts(tx);
    // Last: a certificate is issued from the progress everything above made.
    await seedDemoCertificates(tx);
    return { usersCreated: insertedUsers.length, coursesCreated };
  });
}

const day = 24 * 60 * 60 * 1000;

/**
 * Spreads the demo enrolments over the past weeks (so the admin report's
 * enrolments-per-week chart has a shape) and sends the quiet students'
 * last activity back in time, after everything else has touched it.
 */
async function backdateEnrollments(
  tx: DbOrTx,
  courseId: string,
  entries: DemoCourse["enrollments"],
  idByEmail: Map<string, string>,
) {
  const now = Date.now();
  for (const [index, entry] of entries.entries()) {
    const userId = idByEmail.get(entry.email);
    if (!userId) continue;
    const quietDays = entry.lastActiveDaysAgo;
    const enrolledDaysAgo = Math.max(7 + 5 * index, (quietDays ?? 0) + 3);
    await tx
      .update(enrollments)
      .set({
        enrolledAt: new Date(now - enrolledDaysAgo * day),
        ...(quietDays === undefined ? {} : { lastActivityAt: new Date(now - quietDays * day) }),
      })
      .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)));
  }
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return !row;
}

