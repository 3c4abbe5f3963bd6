import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, learningTasks, submissions, taskProgress } from "@/db/schema";
import type { TaskType } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";

export interface MyGrade {
  taskId: string;
  taskTitle: string;
  taskType: TaskType;
  courseTitle: string;
  courseSlug: string;
  points: number;
  maxPoints: number | null;
  gradedAt: Date | null;
  /** Assignments only: the released feedback, and whether the hand-in was late (and what it cost). */
  feedback: string | null;
  isLate: boolean;
  penaltyPercent: number | null;
}

/**
 * The acting student's released grades, newest first: quiz scores and
 * released assignment grades from task progress, with the released feedback.
 * A draft grade is not here: it is not a grade until released. One statement.
 */
export async function loadMyGrades(db: DbOrTx, actor: Actor): Promise<MyGrade[]> {
  const rows = await db
    .select({
      taskId: learningTasks.id,
      taskTitle: learningTasks.title,
      taskType: learningTasks.type,
      courseTitle: courses.title,
      courseSlug: courses.slug,
      points: taskProgress.pointsEarned,
      maxPoints: learningTasks.maxPoints,
      gradedAt: sql<Date | null>`coalesce(${submissions.releasedAt}, ${taskProgress.updatedAt})`.mapWith(taskProgress.updatedAt),
      feedback: submissions.feedback,
      isLate: sql<boolean>`coalesce(${submissions.isLate}, false)`,
      penaltyPercent: submissions.penaltyPercent,
    })
    .from(taskProgress)
    .innerJoin(learningTasks, eq(learningTasks.id, taskProgress.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .innerJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor.id)))
    .leftJoin(
      submissions,
      and(
        eq(submissions.taskId, taskProgress.taskId),
        eq(submissions.userId, taskProgress.userId),
        eq(submissions.isCurrent, true),
        eq(submissions.gradeStatus, "released"),
      ),
    )
    .where(and(eq(taskProgress.userId, actor.id), eq(taskProgress.status, "graded"), inArray(learningTasks.status, ["published", "archived"])))
    .orderBy(desc(taskProgress.updatedAt), asc(learningTasks.title));
  return rows.map((row) => ({ ...row, points: row.points ?? 0, feedback: row.feedback ?? null }));
}
