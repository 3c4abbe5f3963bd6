import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";

// A malformed id is simply not found, never a database error.
export const idParam = z.uuid();

/**
 * The course, when the actor may change it; null otherwise, whether it is
 * absent or someone else's. The policy is asked too, so the WHERE and the
 * rules cannot drift apart.
 */
export async function loadCourseToUpdate(db: DbOrTx, actor: Actor, courseId: string) {
  if (!idParam.safeParse(courseId).success) return null;
  const [course] = await db
    .select({ id: courses.id, teacherId: courses.teacherId, status: courses.status, visibility: courses.visibility })
    .from(courses)
    .where(and(eq(courses.id, courseId), taughtCourses(actor)));
  return course && can(actor, "course.update", course) ? course : null;
}
