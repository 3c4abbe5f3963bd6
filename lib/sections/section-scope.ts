import { Column, getTableName, is, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { courses } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";

// Who a section teacher sees, as SQL for the WHERE of the reads that show or
// grade students (grading queues, progress, gradebook, quiz results). A
// section teacher teaches no course of its own: it reaches a course only
// through the sections it teaches there, and sees only those sections'
// members. It never gains authoring: taughtCourses stays the rule for editing.
//
// Only a user whose role is still teacher counts; a demoted one sees nothing,
// whatever rows are left in section_teachers. No "server-only": pure SQL
// builders, safe for the worker to import.

type Ref = AnyColumn | SQL;

const isTeacher = (actor: Actor) => actor.role === "teacher";

/**
 * A column always written with its table: a select from one table renders its
 * columns bare ("id"), which inside these subqueries would name the
 * subquery's own column instead of the outer row's.
 */
function outer(ref: Ref | string): SQL {
  if (typeof ref === "string") return sql`${ref}::uuid`;
  if (is(ref, Column)) {
    // The database handle maps keys to snake_case (casing: "snake_case"), so a column named by its key is written that way.
    const name = ref.keyAsName ? ref.name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) : ref.name;
    return sql`${sql.identifier(getTableName(ref.table))}.${sql.identifier(name)}`;
  }
  return sql`${ref}`;
}

/** Whether the actor teaches a section of the course `courseId` (a column or a parameter), as an SQL boolean. */
export function teachesSectionOf(actor: Actor, courseId: Ref | string): SQL<boolean> {
  if (!isTeacher(actor)) return sql<boolean>`false`;
  const course = outer(courseId);
  return sql<boolean>`exists (SELECT 1 FROM section_teachers st JOIN course_sections cs ON cs.id = st.section_id
    WHERE st.user_id = ${actor.id}::uuid AND cs.course_id = ${course})`;
}

/** Courses (on `courses.id`) where the actor teaches at least one section; none for anyone but a teacher. */
export function sectionTeacherCourses(actor: Actor, courseId: Ref = courses.id): SQL {
  if (!isTeacher(actor)) return sql`false`;
  return sql`${outer(courseId)} IN (SELECT cs.course_id FROM section_teachers st JOIN course_sections cs ON cs.id = st.section_id
    WHERE st.user_id = ${actor.id}::uuid)`;
}

/**
 * The courses whose students the actor may see and grade: the courses it
 * teaches (every one for an admin) and those where it teaches a section. Pair
 * it with teachesStudent (or visibleStudents) on the rows' students.
 */
export function gradedCourses(actor: Actor): SQL | undefined {
  if (actor.role === "admin") return undefined;
  if (!isTeacher(actor)) return sql`false`;
  return sql`(${taughtCourses(actor)} OR ${sectionTeacherCourses(actor)})`;
}

/** Whether the actor teaches a section of course `courseId` that student `userId` sits in, as an SQL boolean. */
export function teachesStudentSection(actor: Actor, courseId: Ref | string, userId: Ref): SQL<boolean> {
  if (!isTeacher(actor)) return sql<boolean>`false`;
  const course = outer(courseId);
  return sql<boolean>`exists (SELECT 1 FROM section_members sm
    JOIN section_teachers st ON st.section_id = sm.section_id
    JOIN course_sections cs ON cs.id = sm.section_id
    WHERE sm.user_id = ${outer(userId)} AND st.user_id = ${actor.id}::uuid AND cs.course_id = ${course})`;
}

/**
 * Rows of students the actor may see and grade, across courses: every row
 * for an admin, a course's teacher its courses' rows, a section teacher the
 * rows of its sections' students in those courses only, anyone else none.
 * The columns are the row's course, that course's teacher and the student.
 */
export function teachesStudent(actor: Actor, cols: { courseId: Ref; teacherId: Ref; userId: Ref }): SQL | undefined {
  if (actor.role === "admin") return undefined;
  if (!isTeacher(actor)) return sql`false`;
  return sql`(${cols.teacherId} = ${actor.id}::uuid OR ${teachesStudentSection(actor, cols.courseId, cols.userId)})`;
}

/**
 * Within one course already read (its id and teacher known), the students the
 * actor may see: undefined (all of them) for the course's teacher and admins,
 * only its sections' members for a section teacher, none for anyone else.
 */
export function visibleStudents(actor: Actor, course: { id: string; teacherId: string }, userId: Ref): SQL | undefined {
  if (actor.role === "admin") return undefined;
  if (isTeacher(actor) && actor.id === course.teacherId) return undefined;
  return teachesStudentSection(actor, course.id, userId);
}

/**
 * The "Section" filter: only members of section `sectionId`, and only when
 * that section belongs to the row's course (`courseId`), so another course's
 * section reads as an empty result. For a section teacher the section must
 * also be one it teaches (unless it teaches the course itself). Undefined
 * (no filter) when no section is chosen.
 */
export function sectionFilter(actor: Actor, sectionId: string | undefined, cols: { courseId: Ref | string; userId: Ref }): SQL | undefined {
  if (!sectionId) return undefined;
  const course = outer(cols.courseId);
  const ownSection =
    actor.role === "admin"
      ? sql``
      : isTeacher(actor)
        ? sql`AND (exists (SELECT 1 FROM courses c_f WHERE c_f.id = cs_f.course_id AND c_f.teacher_id = ${actor.id}::uuid)
            OR exists (SELECT 1 FROM section_teachers st_f WHERE st_f.section_id = cs_f.id AND st_f.user_id = ${actor.id}::uuid))`
        : sql`AND false`;
  return sql`exists (SELECT 1 FROM section_members sm_f JOIN course_sections cs_f ON cs_f.id = sm_f.section_id
    WHERE sm_f.section_id = ${sectionId}::uuid AND sm_f.user_id = ${outer(cols.userId)} AND cs_f.course_id = ${course} ${ownSection})`;
}
