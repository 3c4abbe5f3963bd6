import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";

/** The course when the actor may export it (a backup, a cartridge, the cartridge's notes); null, as not found, otherwise. One statement. */
export async function findExportableCourse(db: DbOrTx, actor: Actor, courseId: string) {
  if (!z.uuid().safeParse(courseId).success) return null;
  const [course] = await db
    .select({ id: courses.id, title: courses.title, slug: courses.slug, status: courses.status, visibility: courses.visibility, teacherId: courses.teacherId })
    .from(courses)
    .where(and(eq(courses.id, courseId), taughtCourses(actor)));
  return course && can(actor, "course.export", course) ? course : null;
}
