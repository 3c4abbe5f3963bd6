import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { teachesSectionOf } from "@/lib/sections/section-scope";
import { teacherName } from "./queries";

export interface SectionTeacherCourse {
  id: string;
  slug: string;
  title: string;
  subject: string;
  teacherName: string;
  /** The sections of the course the actor teaches, in name order. */
  sections: { id: string; name: string }[];
  /** The course's published quizzes, in course order: their results cover the actor's sections' students. */
  quizzes: { id: string; title: string }[];
}

const courseIdParam = z.uuid();

/**
 * The course as a section teacher opens it (what it may do there: its
 * sections' progress, gradebook, grading and quiz results, never authoring), or null when
 * the actor teaches no section of it or is no longer a teacher. One statement.
 */
export async function loadSectionTeacherCourse(db: DbOrTx, actor: Actor, courseId: string): Promise<SectionTeacherCourse | null> {
  if (!courseIdParam.safeParse(courseId).success || actor.role !== "teacher") return null;
  const [row] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      subject: courses.subject,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
      teacherName,
      sections: sql<{ id: string; name: string }[]>`coalesce((
        SELECT json_agg(json_build_object('id', cs.id, 'name', cs.name) ORDER BY lower(cs.name))
        FROM course_sections cs JOIN section_teachers st ON st.section_id = cs.id
        WHERE cs.course_id = ${courses.id} AND st.user_id = ${actor.id}::uuid), '[]'::json)`,
      quizzes: sql<{ id: string; title: string }[]>`coalesce((
        SELECT json_agg(json_build_object('id', t.id, 'title', t.title) ORDER BY t.position, t.created_at)
        FROM learning_tasks t
        WHERE t.course_id = ${courses.id} AND t.type = 'quiz' AND t.status = 'published'), '[]'::json)`,
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.teacherId))
    .where(and(eq(courses.id, courseId), teachesSectionOf(actor, courses.id)));
  if (!row || !can(actor, "course.viewStudents", { ...row, sectionTeacher: true })) return null;
  return { id: row.id, slug: row.slug, title: row.title, subject: row.subject, teacherName: row.teacherName, sections: row.sections, quizzes: row.quizzes };
}
