import "server-only";
import { personName } from "@/lib/users/person-search";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses, learningTasks, quizAttempts, users } from "@/db/schema";
import type { AttemptStatus } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { teachesStudentSection } from "@/lib/sections/section-scope";
import { loadAttemptReview, type ReviewQuestion } from "./taking/attempt-review";

export interface TeacherAttemptView {
  id: string;
  taskId: string;
  courseId: string;
  courseTitle: string;
  quizTitle: string;
  studentId: string;
  studentName: string;
  studentEmail: string;
  attemptNumber: number;
  status: AttemptStatus;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  scorePoints: number | null;
  maxPoints: number | null;
  scorePercent: number | null;
  /** Answers and grades: only once the attempt is closed (an open one is still being written). */
  questions: ReviewQuestion[] | null;
}

const uuid = z.uuid();

/**
 * One attempt as its course's teacher, a section teacher of its student, or an admin reads it, with every
 * answer, its grade and the right answers. Anyone else, a wrong course or quiz
 * in the address, or a malformed id: null (not found). The pages name the
 * course and quiz in the address too; the API names only the attempt. Four statements.
 */
export async function loadAttemptForTeacher(
  db: DbOrTx,
  actor: Actor,
  { courseId, taskId, attemptId }: { courseId?: string; taskId?: string; attemptId: string },
): Promise<TeacherAttemptView | null> {
  if (![courseId, taskId, attemptId].every((id) => id === undefined || uuid.safeParse(id).success)) return null;
  const [row] = await db
    .select({
      attempt: quizAttempts,
      courseId: courses.id,
      courseTitle: courses.title,
      teacherId: courses.teacherId,
      quizTitle: learningTasks.title,
      studentName: personName,
      studentEmail: users.email,
      teachesStudentSection: teachesStudentSection(actor, courses.id, quizAttempts.userId),
    })
    .from(quizAttempts)
    .innerJoin(learningTasks, eq(learningTasks.id, quizAttempts.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .innerJoin(users, eq(users.id, quizAttempts.userId))
    .where(
      and(
        eq(quizAttempts.id, attemptId),
        taskId === undefined ? undefined : eq(quizAttempts.taskId, taskId),
        courseId === undefined ? undefined : eq(courses.id, courseId),
      ),
    );
  if (!row) return null;
  // A section teacher reads the attempts of its sections' students only.
  if (!can(actor, "attempt.view", { userId: row.attempt.userId, courseTeacherId: row.teacherId, actorTeachesStudentSection: row.teachesStudentSection })) return null;
  // The attempt's own student may read it too, but through the student's pages and the quiz's review rules.
  if (actor.role === "student") return null;
  const { attempt } = row;
  return {
    id: attempt.id,
    taskId: attempt.taskId,
    courseId: row.courseId,
    courseTitle: row.courseTitle,
    quizTitle: row.quizTitle,
    studentId: attempt.userId,
    studentName: row.studentName,
    studentEmail: row.studentEmail,
    attemptNumber: attempt.attemptNumber,
    status: attempt.status,
    startedAt: attempt.startedAt,
    deadlineAt: attempt.deadlineAt,
    submittedAt: attempt.submittedAt,
    scorePoints: attempt.scorePoints,
    maxPoints: attempt.maxPoints,
    scorePercent: attempt.scorePercent,
    questions: attempt.status === "in_progress" ? null : await loadAttemptReview(db, attempt),
  };
}
