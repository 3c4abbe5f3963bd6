// The seeded rows the pages are opened on: the benchmark student's course in
// progress and one of its lessons, the benchmark teacher's first course and
// its first section, the first cohort and one certificate.
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { rowsOf } from "@/lib/db/rows";
import { benchAccounts } from "../../scripts/bench-seed";

export interface BenchTargets {
  /** A course the student is enrolled in, part-way through. */
  courseSlug: string;
  lessonId: string;
  teacherCourseId: string;
  /** The first section of the teacher's course. */
  sectionId: string;
  cohortId: string;
  certificateCode: string;
}

export async function findBenchTargets(db: Database): Promise<BenchTargets> {
  const [course] = rowsOf<{ slug: string; lessonId: string }>(
    await db.execute(sql`
      SELECT c.slug, (SELECT l.id FROM lessons l JOIN modules m ON m.id = l.module_id
                      WHERE m.course_id = c.id ORDER BY m.position, l.position LIMIT 1) AS "lessonId"
      FROM enrollments e JOIN courses c ON c.id = e.course_id JOIN users u ON u.id = e.user_id
      WHERE lower(u.email) = ${benchAccounts.student} AND e.status = 'active' AND e.progress_percent > 0
      ORDER BY e.progress_percent DESC LIMIT 1`),
  );
  const [teacherCourse] = rowsOf<{ id: string }>(
    await db.execute(sql`
      SELECT c.id FROM courses c JOIN users u ON u.id = c.teacher_id
      WHERE lower(u.email) = ${benchAccounts.teacher} ORDER BY c.slug LIMIT 1`),
  );
  if (!course?.lessonId || !teacherCourse) throw new Error("The seeded database has no course in progress for the bench student or no course for the bench teacher.");
  const [structure] = rowsOf<{ sectionId: string | null; cohortId: string | null; certificateCode: string | null }>(
    await db.execute(sql`
      SELECT (SELECT id FROM course_sections WHERE course_id = ${teacherCourse.id}::uuid ORDER BY name LIMIT 1) AS "sectionId",
        (SELECT id FROM cohorts ORDER BY name LIMIT 1) AS "cohortId",
        (SELECT code FROM certificates ORDER BY code LIMIT 1) AS "certificateCode"`),
  );
  if (!structure?.sectionId || !structure.cohortId || !structure.certificateCode) {
    throw new Error("The seeded database has no section in the bench teacher's course, no cohort or no certificate.");
  }
  return {
    courseSlug: course.slug,
    lessonId: course.lessonId,
    teacherCourseId: teacherCourse.id,
    sectionId: structure.sectionId,
    cohortId: structure.cohortId,
    certificateCode: structure.certificateCode,
  };
}

export type BenchRole = "guest" | "student" | "teacher" | "admin";

export interface BenchPage {
  role: BenchRole;
  path: string;
  /** The path with its ids named, the same at every size and in every run. */
  label: string;
}

/** The main pages of each role, in the order they are driven. */
export function benchPages(targets: BenchTargets): BenchPage[] {
  const { courseSlug, lessonId, teacherCourseId, sectionId, cohortId, certificateCode } = targets;
  const pages: [BenchRole, string, string][] = [
    ["guest", "/sign-in", "/sign-in"],
    ["guest", "/courses", "/courses"],
    ["guest", `/courses/${courseSlug}`, "/courses/<slug>"],
    ["guest", `/certificates/${certificateCode}`, "/certificates/<code>"],
    ["student", "/dashboard", "/dashboard"],
    ["student", "/progress", "/progress"],
    ["student", `/progress/${courseSlug}`, "/progress/<slug>"],
    ["student", "/grades", "/grades"],
    ["student", `/learn/${courseSlug}/${lessonId}`, "/learn/<slug>/<lesson>"],
    ["student", "/calendar?view=month", "/calendar (student)"],
    ["student", "/certificates", "/certificates"],
    ["teacher", "/teacher", "/teacher"],
    ["teacher", `/teacher/courses/${teacherCourseId}`, "/teacher/courses/<id>"],
    ["teacher", `/teacher/courses/${teacherCourseId}/progress`, "/teacher/courses/<id>/progress"],
    ["teacher", `/teacher/courses/${teacherCourseId}/sections`, "/teacher/courses/<id>/sections"],
    ["teacher", `/teacher/courses/${teacherCourseId}/progress?section=${sectionId}`, "/teacher/courses/<id>/progress?section=<id>"],
    ["teacher", `/teacher/courses/${teacherCourseId}/certificates`, "/teacher/courses/<id>/certificates"],
    ["teacher", "/calendar?view=month", "/calendar (teacher)"],
    ["admin", "/admin", "/admin"],
    ["admin", "/admin/users", "/admin/users"],
    ["admin", "/admin/report", "/admin/report"],
    ["admin", "/admin/cohorts", "/admin/cohorts"],
    ["admin", `/admin/cohorts/${cohortId}`, "/admin/cohorts/<id>"],
    ["admin", "/admin/certificates", "/admin/certificates"],
  ];
  return pages.map(([role, path, label]) => ({ role, path, label }));
}
