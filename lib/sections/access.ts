import { and, eq, exists, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, courseSections, sectionTeachers } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";
import { outerCourseId, outerSectionId } from "./outer-columns";

// Which course's sections the actor may manage (its own course, or any for an
// admin) or only see (a section teacher). Ownership is in the WHERE, so
// another teacher's course reads as not found; the policy is asked as well.

export const sectionCourseNotFoundMessage = "This course does not exist or you do not teach it.";
export const sectionNotFoundMessage = "This section does not exist in this course.";

export interface SectionCourse {
  id: string;
  slug: string;
  title: string;
  teacherId: string;
}

const courseColumns = {
  id: courses.id,
  slug: courses.slug,
  title: courses.title,
  teacherId: courses.teacherId,
  status: courses.status,
  visibility: courses.visibility,
};

/** The course when the actor manages its sections (its teacher, or an admin); else null. One statement. */
export async function loadManagedCourse(db: DbOrTx, actor: Actor, courseId: string): Promise<SectionCourse | null> {
  const [row] = await db.select(courseColumns).from(courses).where(and(eq(courses.id, courseId), taughtCourses(actor)));
  if (!row || !can(actor, "section.manage", row)) return null;
  return { id: row.id, slug: row.slug, title: row.title, teacherId: row.teacherId };
}

/** The actor teaches a section of the course (as SQL, for a WHERE or a column). */
const teachesASection = (actor: Actor) =>
  exists(
    sql`(SELECT 1 FROM ${sectionTeachers} st INNER JOIN ${courseSections} cs ON cs.id = st.section_id
      WHERE cs.course_id = ${outerCourseId} AND st.user_id = ${actor.id})`,
  );

export interface ViewedCourse extends SectionCourse {
  /** False for a section teacher: it sees only the sections it teaches, and changes none. */
  manages: boolean;
}

/** The course when the actor may see its sections: who manages them, or a teacher of one of them. One statement. */
export async function loadViewedCourse(db: DbOrTx, actor: Actor, courseId: string): Promise<ViewedCourse | null> {
  if (actor.role !== "teacher" && actor.role !== "admin") return null;
  const [row] = await db
    .select({ ...courseColumns, sectionTeacher: teachesASection(actor).mapWith(Boolean) })
    .from(courses)
    .where(and(eq(courses.id, courseId), actor.role === "admin" ? undefined : or(eq(courses.teacherId, actor.id), teachesASection(actor))));
  if (!row || !can(actor, "section.view", row)) return null;
  return { id: row.id, slug: row.slug, title: row.title, teacherId: row.teacherId, manages: can(actor, "section.manage", row) };
}

/** Only the sections a viewer may see: every one for who manages them, its own for a section teacher. */
export const visibleSections = (actor: Actor, course: ViewedCourse) =>
  course.manages
    ? undefined
    : exists(
        sql`(SELECT 1 FROM ${sectionTeachers} st WHERE st.section_id = ${outerSectionId} AND st.user_id = ${actor.id})`,
      );
