import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, lessons, modules, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { atRiskCondition, mediansOf } from "@/lib/reports/enrollment-report-sql";

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
}

/** Enrolments at risk in the outer query's course, by the same SQL as the progress view. */
const atRiskCount = (now: Date) => sql<number>`(
  SELECT count(*)::int FROM enrollments p
  LEFT JOIN (${mediansOf(sql`c.id = ${courses.id}`)}) m ON m.course_id = p.course_id
  WHERE p.course_id = ${courses.id} AND ${atRiskCondition(now.toISOString())})`;

/** The teacher's own courses; an admin sees every course. One statement. */
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
      studentCount: courses.studentCount,
      lessonCount,
      atRiskCount: atRiskCount(now),
      updatedAt: courses.updatedAt,
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.teacherId))
    .where(actor.role === "admin" ? undefined : eq(courses.teacherId, actor.id))
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
