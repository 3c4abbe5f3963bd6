import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, users } from "@/db/schema";
import type { EnrollmentStatus } from "@/db/schema/enums";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import { can, type Actor } from "@/lib/auth/policy";
import { loadOutlines } from "@/lib/learn/outlines";
import { nextOpenItem, pacedProgress } from "@/lib/pacing/paced-progress";
import type { CourseItem, CourseProgress } from "@/lib/progress/course-items";

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
  /** The first item not done yet and open to the student; null when the course is complete (or the rest is locked). */
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
      enrolledAt: enrollments.enrolledAt,
      progressScope: courses.progressScope,
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
    { enrolledAt: new Map(rows.map((row) => [row.courseId, row.enrolledAt])) },
  );
  return rows.map(({ enrolledAt: _enrolledAt, progressScope, ...row }) => {
    const outline = outlines.get(row.courseId)!;
    return {
      ...row,
      progress: pacedProgress(outline.items, outline.done, outline.release, progressScope),
      next: nextOpenItem(outline.items, outline.done, outline.release),
    };
  });
}

// A draft is invisible to students even if they were enrolled before.
const readableByStudents = inArray(courses.status, ["published", "archived"]);

const enrollmentItemColumns = {
  id: enrollments.id,
  courseId: courses.id,
  courseSlug: courses.slug,
  courseTitle: courses.title,
  courseSubject: courses.subject,
  status: enrollments.status,
  enrolledAt: enrollments.enrolledAt,
  completedAt: enrollments.completedAt,
  progressPercent: enrollments.progressPercent,
  lastActivityAt: enrollments.lastActivityAt,
};

export type EnrollmentItemRow = {
  id: string;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  courseSubject: string;
  status: EnrollmentStatus;
  enrolledAt: Date;
  completedAt: Date | null;
  progressPercent: number;
  lastActivityAt: Date;
};

export type MyEnrollmentSort = "-enrolledAt" | "-lastActivityAt" | "title";

const myEnrollmentKeys: Record<MyEnrollmentSort, SortKey[]> = {
  "-enrolledAt": [
    { expr: enrollments.enrolledAt, direction: "desc", cast: "timestamptz" },
    { expr: enrollments.id, direction: "asc", cast: "uuid" },
  ],
  "-lastActivityAt": [
    { expr: enrollments.lastActivityAt, direction: "desc", cast: "timestamptz" },
    { expr: enrollments.id, direction: "asc", cast: "uuid" },
  ],
  title: [
    { expr: sql`lower(${courses.title})`, direction: "asc", cast: "text" },
    { expr: enrollments.id, direction: "asc", cast: "uuid" },
  ],
};

/**
 * One keyset page of the acting user's own enrolments (any status, in courses
 * students may see), `limit + 1` rows. Teachers and admins never enrol, so
 * theirs is empty. One statement.
 */
export async function listMyEnrollmentsAfter(
  db: DbOrTx,
  actor: Actor,
  params: { status?: EnrollmentStatus; sort: MyEnrollmentSort; cursor?: string; limit: number },
) {
  const keys = myEnrollmentKeys[params.sort];
  return db
    .select({ ...enrollmentItemColumns, cursor: cursorColumn(keys) })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(
      and(
        eq(enrollments.userId, actor.id),
        readableByStudents,
        params.status ? eq(enrollments.status, params.status) : undefined,
        afterCursor(keys, params.cursor),
      ),
    )
    .orderBy(...orderByKeys(keys))
    .limit(params.limit + 1);
}

/** The acting user's own enrolment, by its id or its course; null when there is none (or it is someone else's). One statement. */
export async function findMyEnrollment(
  db: DbOrTx,
  actor: Actor,
  by: { enrollmentId: string } | { courseId: string },
): Promise<EnrollmentItemRow | null> {
  const [row] = await db
    .select(enrollmentItemColumns)
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(
      and(
        eq(enrollments.userId, actor.id),
        readableByStudents,
        "enrollmentId" in by ? eq(enrollments.id, by.enrollmentId) : eq(enrollments.courseId, by.courseId),
      ),
    );
  return row ?? null;
}

/**
 * May the actor read the students of this course (its teacher, or an admin)?
 * False too when the course does not exist. One statement.
 */
export async function canViewCourseStudents(db: DbOrTx, actor: Actor, courseId: string): Promise<boolean> {
  if (actor.role !== "teacher" && actor.role !== "admin") return false;
  const [course] = await db
    .select({ teacherId: courses.teacherId, status: courses.status, visibility: courses.visibility })
    .from(courses)
    .where(eq(courses.id, courseId));
  return course !== undefined && can(actor, "course.viewStudents", course);
}

/**
 * Is `studentId` enrolled (in any status) in a course whose students the actor
 * may read? What a teacher or admin must be able to say before reading that
 * student's rows of the course. One statement.
 */
export async function canViewStudentInCourse(db: DbOrTx, actor: Actor, studentId: string, courseId: string): Promise<boolean> {
  if (actor.role !== "teacher" && actor.role !== "admin") return false;
  const [row] = await db
    .select({ teacherId: courses.teacherId, status: courses.status, visibility: courses.visibility })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(and(eq(enrollments.courseId, courseId), eq(enrollments.userId, studentId)));
  return row !== undefined && can(actor, "course.viewStudents", row);
}

export type CourseEnrollmentSort = "-enrolledAt" | "-lastActivityAt" | "name" | "-progressPercent";

const studentName = sql<string>`coalesce(${users.displayName}, ${users.username})`;

const courseEnrollmentKeys: Record<CourseEnrollmentSort, SortKey[]> = {
  ...myEnrollmentKeys,
  name: [
    { expr: sql`lower(${studentName})`, direction: "asc", cast: "text" },
    { expr: enrollments.id, direction: "asc", cast: "uuid" },
  ],
  "-progressPercent": [
    { expr: enrollments.progressPercent, direction: "desc", cast: "numeric" },
    { expr: enrollments.id, direction: "asc", cast: "uuid" },
  ],
};

/**
 * One keyset page of a course's enrolments with their students, for the
 * course's teacher or an admin; null when the actor may not read them (or the
 * course does not exist), which reads as not found. Two statements.
 */
export async function listCourseEnrollmentsAfter(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  params: { status?: EnrollmentStatus; sort: CourseEnrollmentSort; cursor?: string; limit: number },
) {
  if (!(await canViewCourseStudents(db, actor, courseId))) return null;
  const keys = courseEnrollmentKeys[params.sort];
  return db
    .select({
      id: enrollments.id,
      studentId: users.id,
      studentName,
      studentUsername: users.username,
      studentEmail: users.email,
      status: enrollments.status,
      enrolledAt: enrollments.enrolledAt,
      completedAt: enrollments.completedAt,
      progressPercent: enrollments.progressPercent,
      lastActivityAt: enrollments.lastActivityAt,
      cursor: cursorColumn(keys),
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(
      and(
        eq(enrollments.courseId, courseId),
        params.status ? eq(enrollments.status, params.status) : undefined,
        afterCursor(keys, params.cursor),
      ),
    )
    .orderBy(...orderByKeys(keys))
    .limit(params.limit + 1);
}
