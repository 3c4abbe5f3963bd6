import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, lessons, modules, users } from "@/db/schema";
import type { CourseStatus, CourseVisibility, EnrollmentStatus, ProgressScope } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { loadOutlines, outlineWording, type CourseOutline } from "@/lib/learn/outlines";
import { browserZoneOfRequest } from "@/lib/calendar/browser-zone";
import type { LockWording } from "@/lib/pacing/describe-lock";
import { nextOpenItem, pacedProgress } from "@/lib/pacing/paced-progress";
import type { CourseItem, CourseProgress } from "@/lib/progress/course-items";

export interface CoursePageData {
  course: {
    id: string;
    slug: string;
    title: string;
    subject: string;
    description: string;
    learningObjectives: string;
    prerequisites: string;
    status: CourseStatus;
    visibility: CourseVisibility;
    teacherName: string;
    lessonCount: number;
    studentCount: number;
  };
  outline: CourseOutline;
  enrollmentStatus: EnrollmentStatus | null;
  /** What the course's progress counts: every item, or only those released to each student. */
  progressScope: ProgressScope;
  progress: CourseProgress | null;
  next: CourseItem | null;
  canViewContent: boolean;
  canEnroll: boolean;
  canEdit: boolean;
  /** Words the outline's locks (an enrolled student's) in the reader's time zone. */
  wording: LockWording;
}

/**
 * A course as the actor may see it, or null when the actor may not (drafts,
 * and archived courses for the unenrolled, read as not found). The enrolment
 * key never leaves the server. Three statements. Found by its slug (the web
 * page's address) or by its id (the REST API).
 */
export async function loadCoursePage(db: DbOrTx, actor: Actor | null, key: string | { id: string }): Promise<CoursePageData | null> {
  const [row] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      subject: courses.subject,
      description: courses.description,
      learningObjectives: courses.learningObjectives,
      prerequisites: courses.prerequisites,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
      teacherName: sql<string>`coalesce(${users.displayName}, ${users.username})`,
      lessonCount: sql<number>`(
        SELECT count(*)::int FROM ${lessons} JOIN ${modules} ON ${modules.id} = ${lessons.moduleId}
        WHERE ${modules.courseId} = ${courses.id})`,
      studentCount: courses.studentCount,
      progressScope: courses.progressScope,
      enrollmentStatus: enrollments.status,
      enrolledAt: enrollments.enrolledAt,
      timeZone: actor ? sql<string | null>`(SELECT ${users.timeZone} FROM ${users} WHERE ${users.id} = ${actor.id})` : sql<null>`NULL`,
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.teacherId))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, actor?.id ?? sql`NULL::uuid`)))
    .where(typeof key === "string" ? eq(courses.slug, key) : eq(courses.id, key.id))
    .limit(1);
  if (!row || !can(actor, "course.view", row)) return null;

  const isStudent = actor?.role === "student";
  const enrolled = row.enrollmentStatus === "active" || row.enrollmentStatus === "completed";
  const outline = (
    await loadOutlines(db, [row.id], isStudent && enrolled ? actor.id : null, { enrolledAt: new Map([[row.id, row.enrolledAt]]) })
  ).get(row.id)!;
  const { teacherId: _teacherId, enrollmentStatus, progressScope, enrolledAt: _enrolledAt, timeZone, ...course } = row;
  return {
    course,
    outline,
    enrollmentStatus,
    progressScope,
    progress: isStudent && enrolled ? pacedProgress(outline.items, outline.done, outline.release, progressScope) : null,
    next: isStudent && enrolled ? nextOpenItem(outline.items, outline.done, outline.release) : null,
    wording: outlineWording(outline, timeZone ?? (actor ? await browserZoneOfRequest() : null)),
    canViewContent: can(actor, "course.viewContent", row),
    canEnroll: can(actor, "course.enroll", row) && !enrolled && enrollmentStatus !== "suspended",
    canEdit: can(actor, "course.update", row),
  };
}
