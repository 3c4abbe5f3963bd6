import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, learningTasks, quizAttempts, users } from "@/db/schema";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import { can, type Actor } from "@/lib/auth/policy";
import { gradedCourses, sectionFilter, teachesSectionOf, visibleStudents } from "@/lib/sections/section-scope";
import { personName } from "@/lib/users/person-search";
import { essaysWaiting } from "./essays-waiting";

export interface CourseEssayRow {
  attemptId: string;
  attemptNumber: number;
  taskId: string;
  quizTitle: string;
  studentId: string;
  studentName: string;
  submittedAt: Date | null;
  essaysWaiting: number;
  cursor: string[];
}

// Longest waiting first; the id breaks ties, so a page never repeats or skips a row.
const keys: SortKey[] = [
  { expr: quizAttempts.submittedAt, direction: "asc", cast: "timestamptz" },
  { expr: quizAttempts.id, direction: "asc", cast: "uuid" },
];

/**
 * One keyset page (`limit + 1` rows) of a course's attempts waiting for an
 * essay's score, for the course's teacher or an admin, and a section teacher
 * (its sections' students only); `sectionId` narrows it to one section. Null
 * when the actor may not grade the course (a student, another teacher, no
 * such course). Two statements.
 */
export async function listCourseEssaysAfter(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  query: { cursor?: string; limit: number; sectionId?: string },
): Promise<CourseEssayRow[] | null> {
  const [course] = await db
    .select({
      id: courses.id,
      teacherId: courses.teacherId,
      status: courses.status,
      visibility: courses.visibility,
      sectionTeacher: teachesSectionOf(actor, courses.id),
    })
    .from(courses)
    .where(and(eq(courses.id, courseId), gradedCourses(actor)));
  if (!course || !can(actor, "submission.grade", course)) return null;
  return db
    .select({
      attemptId: quizAttempts.id,
      attemptNumber: quizAttempts.attemptNumber,
      taskId: learningTasks.id,
      quizTitle: learningTasks.title,
      studentId: users.id,
      studentName: personName,
      submittedAt: quizAttempts.submittedAt,
      essaysWaiting,
      cursor: cursorColumn(keys),
    })
    .from(quizAttempts)
    .innerJoin(learningTasks, eq(learningTasks.id, quizAttempts.taskId))
    .innerJoin(users, eq(users.id, quizAttempts.userId))
    .where(
      and(
        eq(learningTasks.courseId, course.id),
        eq(quizAttempts.gradingPending, true),
        ne(quizAttempts.status, "in_progress"),
        afterCursor(keys, query.cursor),
        visibleStudents(actor, course, quizAttempts.userId),
        sectionFilter(actor, query.sectionId, { courseId: course.id, userId: quizAttempts.userId }),
      ),
    )
    .orderBy(...orderByKeys(keys))
    .limit(query.limit + 1);
}
