import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, users } from "@/db/schema";
import type { EnrollmentStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import { loadOutlines } from "@/lib/learn/outlines";
import { courseProgress, nextItem, type CourseItem, type CourseProgress } from "@/lib/progress/course-items";

export interface MyEnrollmentRow {
  courseId: string;
  slug: string;
  title: string;
  subject: string;
  teacherName: string;
  status: EnrollmentStatus;
  lastActivityAt: Date;
  completedAt: Date | null;
  progress: CourseProgress;
  /** The first item not done yet; null when the course is complete. */
  next: CourseItem | null;
}

/**
 * The acting student's own enrolments (never someone else's) with progress and
 * the next item, derived from the rows by lib/progress. Three statements,
 * whatever the number of courses and lessons.
 */
export async function listMyEnrollments(db: DbOrTx, actor: Actor): Promise<MyEnrollmentRow[]> {
  const rows = await db
    .select({
      courseId: courses.id,
      slug: courses.slug,
      title: courses.title,
      subject: courses.subject,
      teacherName: sql<string>`coalesce(${users.displayName}, ${users.username})`,
      status: enrollments.status,
      lastActivityAt: enrollments.lastActivityAt,
      completedAt: enrollments.completedAt,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .innerJoin(users, eq(users.id, courses.teacherId))
    .where(
      and(
        eq(enrollments.userId, actor.id),
        inArray(enrollments.status, ["active", "completed"]),
        // A draft is invisible to students even if they were enrolled before.
        inArray(courses.status, ["published", "archived"]),
      ),
    )
    .orderBy(desc(enrollments.lastActivityAt));
  const outlines = await loadOutlines(
    db,
    rows.map((row) => row.courseId),
    actor.id,
  );
  return rows.map((row) => {
    const outline = outlines.get(row.courseId)!;
    return { ...row, progress: courseProgress(outline.items, outline.done), next: nextItem(outline.items, outline.done) };
  });
}
