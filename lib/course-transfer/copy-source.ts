import "server-only";
import { and, count, eq, max, min } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { courses, learningTasks } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { taughtCourses } from "@/lib/auth/taught-courses";

/** What the copy form shows of the course: its title and the span of its due dates, which a copy moves. */
export interface CopySource {
  id: string;
  title: string;
  /** Every task's due date counts, drafts too: the copy moves them all. */
  firstDueAt: Date | null;
  lastDueAt: Date | null;
  dueDateCount: number;
}

/** The course when the actor may copy it, else null (read as not found). One statement. */
export async function loadCopySource(db: DbOrTx, actor: Actor, courseId: string): Promise<CopySource | null> {
  if (!z.uuid().safeParse(courseId).success) return null;
  const [row] = await db
    .select({
      id: courses.id,
      title: courses.title,
      status: courses.status,
      visibility: courses.visibility,
      teacherId: courses.teacherId,
      firstDueAt: min(learningTasks.dueAt),
      lastDueAt: max(learningTasks.dueAt),
      dueDateCount: count(learningTasks.dueAt),
    })
    .from(courses)
    .leftJoin(learningTasks, eq(learningTasks.courseId, courses.id))
    .where(and(eq(courses.id, courseId), taughtCourses(actor)))
    .groupBy(courses.id);
  if (!row || !can(actor, "course.copy", row)) return null;
  return { id: row.id, title: row.title, firstDueAt: row.firstDueAt, lastDueAt: row.lastDueAt, dueDateCount: row.dueDateCount };
}
