import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courseSections, courses } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";

export interface SectionChoice {
  id: string;
  name: string;
  courseId: string;
  courseTitle: string;
}

/**
 * The sections the "Section" filter offers: every section of the courses the
 * actor teaches (any course for an admin), and for a section teacher only the
 * sections it teaches. One course's when `courseId` is given. One statement.
 */
export async function listSectionChoices(db: DbOrTx, actor: Actor, courseId?: string): Promise<SectionChoice[]> {
  if (actor.role !== "teacher" && actor.role !== "admin") return [];
  const ownCourse = taughtCourses(actor);
  const mine =
    actor.role === "admin"
      ? undefined
      : sql`(${ownCourse} OR exists (SELECT 1 FROM section_teachers st WHERE st.section_id = ${courseSections.id} AND st.user_id = ${actor.id}::uuid))`;
  return db
    .select({ id: courseSections.id, name: courseSections.name, courseId: courses.id, courseTitle: courses.title })
    .from(courseSections)
    .innerJoin(courses, eq(courses.id, courseSections.courseId))
    .where(and(courseId ? eq(courses.id, courseId) : undefined, mine))
    .orderBy(asc(courses.title), asc(sql`lower(${courseSections.name})`), asc(courseSections.id));
}

/** The select's options: all sections, then each section (named with its course when several courses are listed). */
export function sectionOptions(choices: SectionChoice[], withCourse: boolean): { value: string; label: string }[] {
  return [
    { value: "", label: "All sections" },
    ...choices.map((choice) => ({ value: choice.id, label: withCourse ? `${choice.courseTitle}: ${choice.name}` : choice.name })),
  ];
}
