import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses, enrollments, users } from "@/db/schema";
import type { EnrollmentStatus, ProgressScope } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { loadOutlines, outlineWording, type CourseOutline } from "@/lib/learn/outlines";
import type { CourseItem, CourseProgress } from "@/lib/progress/course-items";
import { personName } from "@/lib/users/person-search";
import type { LockWording } from "./describe-lock";
import { nextOpenItem, pacedProgress } from "./paced-progress";

export interface PreviewStudent {
  id: string;
  name: string;
  enrollmentStatus: EnrollmentStatus;
}

export interface StudentView {
  student: PreviewStudent & { timeZone: string };
  outline: CourseOutline;
  progress: CourseProgress;
  next: CourseItem | null;
  wording: LockWording;
}

export interface StudentPreview {
  course: { id: string; slug: string; title: string; progressScope: ProgressScope };
  /** The course's students who see its content (active or completed enrolments), by name. */
  students: PreviewStudent[];
  /** The chosen student's course as it sees it; null before one is chosen, or for someone not among `students`. */
  view: StudentView | null;
}

/**
 * A course's outline exactly as one of its students sees it (what is locked
 * and why, its progress), for its teacher or an admin: read-only. Another
 * teacher's course, a missing one and a malformed id read as not found (null).
 * Two statements, and two more once a student is chosen.
 */
export async function loadStudentPreview(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  studentId: string | null,
  now: Date = new Date(),
): Promise<StudentPreview | null> {
  if (!z.uuid().safeParse(courseId).success) return null;
  const [course] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      progressScope: courses.progressScope,
      teacherId: courses.teacherId,
      status: courses.status,
      visibility: courses.visibility,
    })
    .from(courses)
    .where(eq(courses.id, courseId));
  if (!course || !can(actor, "course.previewAsStudent", course)) return null;
  const rows = await db
    .select({
      id: users.id,
      name: personName,
      enrollmentStatus: enrollments.status,
      enrolledAt: enrollments.enrolledAt,
      timeZone: users.timeZone,
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(eq(enrollments.courseId, course.id), inArray(enrollments.status, ["active", "completed"])))
    .orderBy(asc(personName), asc(users.id));
  const students = rows.map(({ id, name, enrollmentStatus }) => ({ id, name, enrollmentStatus }));
  const { teacherId: _teacherId, status: _status, visibility: _visibility, ...courseInfo } = course;
  const chosen = studentId ? rows.find((row) => row.id === studentId) : undefined;
  if (!chosen) return { course: courseInfo, students, view: null };

  const outline = (await loadOutlines(db, [course.id], chosen.id, { enrolledAt: new Map([[course.id, chosen.enrolledAt]]), now })).get(course.id)!;
  const wording = outlineWording(outline, chosen.timeZone);
  return {
    course: courseInfo,
    students,
    view: {
      student: { id: chosen.id, name: chosen.name, enrollmentStatus: chosen.enrollmentStatus, timeZone: wording.timeZone },
      outline,
      progress: pacedProgress(outline.items, outline.done, outline.release, course.progressScope),
      next: nextOpenItem(outline.items, outline.done, outline.release),
      wording,
    },
  };
}
