import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses, enrollments, users } from "@/db/schema";
import type { CourseStatus } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { editableBy } from "./editor/ownership";
import { lessonCount, teacherName } from "./queries";
import type { ProgressScopeChoice, Visibility } from "./schemas";

export interface EditableCourse {
  id: string;
  slug: string;
  title: string;
  description: string;
  learningObjectives: string;
  prerequisites: string;
  subject: string;
  visibility: Visibility;
  enrollmentKey: string | null;
  progressScope: ProgressScopeChoice;
  status: CourseStatus;
  teacherName: string;
  lessonCount: number;
  /** Students now in the course (active or completed). */
  activeEnrollmentCount: number;
  /** Any enrolment row at all, dropped ones included: such a course is archived, never deleted. */
  hasEnrollments: boolean;
  updatedAt: Date;
}

// A malformed id in the address is simply not found, never a database error.
const courseIdParam = z.uuid();

const hasEnrollments = sql<boolean>`EXISTS (SELECT 1 FROM ${enrollments} WHERE ${enrollments.courseId} = ${courses.id})`;

/**
 * The course as its editor needs it, or null when the actor may not edit it:
 * ownership is in the WHERE, so another teacher's course reads as missing.
 * One statement.
 */
export async function loadEditableCourse(db: DbOrTx, actor: Actor, courseId: string): Promise<EditableCourse | null> {
  if (!courseIdParam.safeParse(courseId).success || !can(actor, "area.teacher")) return null;
  const [row] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      description: courses.description,
      learningObjectives: courses.learningObjectives,
      prerequisites: courses.prerequisites,
      subject: courses.subject,
      visibility: courses.visibility,
      enrollmentKey: courses.enrollmentKey,
      progressScope: courses.progressScope,
      status: courses.status,
      teacherId: courses.teacherId,
      teacherName,
      lessonCount,
      // Kept by triggers on enrollments (drizzle/0020).
      activeEnrollmentCount: courses.studentCount,
      hasEnrollments,
      updatedAt: courses.updatedAt,
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.teacherId))
    .where(and(eq(courses.id, courseId), editableBy(actor)));
  if (!row || !can(actor, "course.update", row)) return null;
  const { teacherId: _teacherId, ...course } = row;
  return {
    ...course,
    lessonCount: Number(course.lessonCount),
    activeEnrollmentCount: course.activeEnrollmentCount,
    hasEnrollments: Boolean(course.hasEnrollments),
  };
}
