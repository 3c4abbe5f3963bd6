import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, lessons, modules, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { atRiskCondition, mediansOf } from "@/lib/reports/enrollment-report-sql";
import { gradedCourses, teachesStudent } from "@/lib/sections/section-scope";

export const lessonCount = sql<number>`(
  SELECT count(*)::int FROM ${lessons} JOIN ${modules} ON ${modules.id} = ${lessons.moduleId}
  WHERE ${modules.courseId} = ${courses.id})`;
export const teacherName = sql<string>`coalesce(${users.displayName}, ${users.username})`;

export interface TaughtCourseRow {
  id: string;
  slug: string;
  title: string;
  subject: string;
  status: "draft" | "published" | "archived";
  visibility: "public" | "private";
  teacherName: string;
  studentCount: number;
  lessonCount: number;
  /** Students flagged by the progress view's at-risk rule (lib/reports/at-risk.ts). */
  atRiskCount: number;
  updatedAt: Date;
  /**
   * The sections of this course the actor teaches, by name (empty when none).
   * On a course of another teacher the actor is only a section teacher: the
   * counts are then its sections' students only, and it may not edit.
   */
  sectionsTaught: string[];
  /** Whether the actor edits the course (its teacher, or an admin). */
  editable: boolean;
}

/** Enrolments at risk in the outer query's course, by the same SQL as the progress view, among the students the actor sees. */
const atRiskCount = (now: Date, actor: Actor) => sql<number>`(
  SELECT count(*)::int FROM enrollments p
  LEFT JOIN (${mediansOf(sql`c.id = ${courses.id}`)}) m ON m.course_id = p.course_id
  WHERE p.course_id = ${courses.id} AND ${atRiskCondition(now.toISOString())}
    AND ${teachesStudent(actor, { courseId: courses.id, teacherId: courses.teacherId, userId: sql`p.user_id` }) ?? sql`true`})`;

/** The names of the course's sections the actor teaches, in name order. */
const sectionsTaught = (actor: Actor) =>
  actor.role !== "teacher"
    ? sql<string[]>`'[]'::json`
    : sql<string[]>`coalesce((
  SELECT json_agg(cs.name ORDER BY lower(cs.name)) FROM course_sections cs JOIN section_teachers st ON st.section_id = cs.id
  WHERE cs.course_id = ${courses.id} AND st.user_id = ${actor.id}::uuid), '[]'::json)`;

/** Enrolled (not dropped) students of the actor's sections in the outer query's course: what a section teacher counts. */
const sectionStudentCount = (actor: Actor) => sql<number>`(
  SELECT count(DISTINCT sm.user_id)::int FROM section_members sm
  JOIN section_teachers st ON st.section_id = sm.section_id JOIN course_sections cs ON cs.id = sm.section_id
  JOIN enrollments se ON se.user_id = sm.user_id AND se.course_id = cs.course_id AND se.status <> 'dropped'
  WHERE cs.course_id = ${courses.id} AND st.user_id = ${actor.id}::uuid)`;

/**
 * The teacher's own courses and those where it teaches a section (with its
 * sections named); an admin sees every course. One statement.
 */
export async function listTaughtCourses(db: DbOrTx, actor: Actor, now = new Date()): Promise<TaughtCourseRow[]> {
  if (!can(actor, "area.teacher")) return [];
  return db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      subject: courses.subject,
      status: courses.status,
      visibility: courses.visibility,
      teacherName,
      studentCount:
        actor.role === "admin"
          ? courses.studentCount
          : sql<number>`CASE WHEN ${courses.teacherId} = ${actor.id}::uuid THEN ${courses.studentCount} ELSE ${sectionStudentCount(actor)} END`,
      lessonCount,
      atRiskCount: atRiskCount(now, actor),
      updatedAt: courses.updatedAt,
      sectionsTaught: sectionsTaught(actor),
      editable: actor.role === "admin" ? sql<boolean>`true` : sql<boolean>`${courses.teacherId} = ${actor.id}::uuid`,
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.teacherId))
    .where(gradedCourses(actor))
    .orderBy(desc(courses.updatedAt));
}

export interface FeaturedCourse {
  id: string;
  slug: string;
  title: string;
  subject: string;
  description: string;
  teacherName: string;
  lessonCount: number;
  studentCount: number;
}

/** Published public courses for the home page, most enrolled first. One statement. */
export async function listFeaturedCourses(db: DbOrTx, limit = 6): Promise<FeaturedCourse[]> {
  return db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      subject: courses.subject,
      description: sql<string>`left(${courses.description}, 240)`,
      teacherName,
      lessonCount,
      studentCount: courses.studentCount,
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.teacherId))
    .where(and(eq(courses.status, "published"), eq(courses.visibility, "public")))
    .orderBy(desc(courses.studentCount), courses.title)
    .limit(limit);
}
