import { eq, inArray, or, sql } from "drizzle-orm";
import { courses, enrollments, lessons, modules, storedFiles } from "@/db/schema";
import { fail } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/policy";
import { courseIdSchema } from "../schemas";
import { command } from "@/lib/actions/command";
import { lockEditableCourse, mayEditCourses } from "./ownership";

export const deleteRefusedMessage = "Only a draft without students can be deleted. Archive it instead.";

// Removes a draft nobody ever enrolled in, with its modules and lessons. Any
// enrolment row, even a dropped one, holds a student's history: archive instead.
export const deleteCourse = command({
  name: "course.delete",
  schema: courseIdSchema,
  authorize: mayEditCourses,
  run: async ({ courseId }, { user, tx }) => {
    const course = await lockEditableCourse(tx, user, courseId);
    if (!can(user, "course.delete", course)) fail(deleteRefusedMessage);
    // A draft accepts no enrolment, and the locked row cannot be published
    // meanwhile, so no enrolment can appear between this check and the delete.
    const [enrolled] = await tx
      .select({ any: sql<number>`1` })
      .from(enrollments)
      .where(eq(enrollments.courseId, course.id))
      .limit(1);
    if (enrolled) fail(deleteRefusedMessage);

    // The course's uploads go with it: rows now, bytes once the transaction commits.
    const removedFiles = await tx
      .delete(storedFiles)
      .where(
        or(
          eq(storedFiles.courseId, course.id),
          inArray(
            storedFiles.id,
            tx
              .select({ id: lessons.fileId })
              .from(lessons)
              .innerJoin(modules, eq(modules.id, lessons.moduleId))
              .where(eq(modules.courseId, course.id)),
          ),
        ),
      )
      .returning({ storageKey: storedFiles.storageKey });
    await tx.delete(courses).where(eq(courses.id, course.id));
    await recordAudit(tx, {
      actorId: user.id,
      action: "course.deleted",
      entityType: "course",
      entityId: course.id,
      before: { title: course.title, slug: course.slug, status: course.status, teacherId: course.teacherId },
    });
    return { id: course.id, slug: course.slug, removedObjects: removedFiles.map((file) => file.storageKey) };
  },
});
