import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, learningTasks, quizzes } from "@/db/schema";
import type { EnrollmentStatus, ReviewPolicy, GradingMethod } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";

export interface TakeableQuiz {
  taskId: string;
  title: string;
  description: string;
  dueAt: Date | null;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  gradingMethod: GradingMethod;
  shuffleQuestions: boolean;
  shuffleChoices: boolean;
  reviewPolicy: ReviewPolicy;
  enrollmentId: string;
  enrollmentStatus: EnrollmentStatus;
}

/**
 * A published quiz the actor may take (an enrolled student of its published
 * course), or null: absent, a draft, another course's or not enrolled all read
 * as not found. `lockEnrollment` takes the student's enrolment row for update,
 * which serialises this student's starts of any quiz of the course. One statement.
 */
export async function loadTakeableQuiz(
  db: DbOrTx,
  actor: Actor,
  taskId: string,
  { slug, lockEnrollment = false }: { slug?: string; lockEnrollment?: boolean } = {},
): Promise<TakeableQuiz | null> {
  const query = db
    .select({
      taskId: learningTasks.id,
      title: learningTasks.title,
      description: learningTasks.description,
      dueAt: learningTasks.dueAt,
      courseId: courses.id,
      courseSlug: courses.slug,
      courseTitle: courses.title,
      teacherId: courses.teacherId,
      status: courses.status,
      visibility: courses.visibility,
      timeLimitMinutes: quizzes.timeLimitMinutes,
      attemptsAllowed: quizzes.attemptsAllowed,
      gradingMethod: quizzes.gradingMethod,
      shuffleQuestions: quizzes.shuffleQuestions,
      shuffleChoices: quizzes.shuffleChoices,
      reviewPolicy: quizzes.reviewPolicy,
      enrollmentId: enrollments.id,
      enrollmentStatus: enrollments.status,
    })
    .from(learningTasks)
    .innerJoin(quizzes, eq(quizzes.taskId, learningTasks.id))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .innerJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .where(
      and(
        eq(learningTasks.id, taskId),
        eq(learningTasks.type, "quiz"),
        eq(learningTasks.status, "published"),
        slug === undefined ? undefined : eq(courses.slug, slug),
      ),
    );
  const [row] = lockEnrollment ? await query.for("update", { of: enrollments }) : await query;
  if (!row || !can(actor, "quiz.take", row)) return null;
  const { teacherId: _teacherId, status: _status, visibility: _visibility, ...quiz } = row;
  return quiz;
}
