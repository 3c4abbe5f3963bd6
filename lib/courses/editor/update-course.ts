import { eq } from "drizzle-orm";
import { courses } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { recomputeProgress } from "@/lib/progress/recompute-enrollment-progress";
import { updateCourseSchema } from "../schemas";
import { command } from "@/lib/actions/command";
import { lockEditableCourse, mayEditCourses } from "./ownership";

// Saves the editor's fields. The status changes only through its own actions,
// and the slug stays as created so shared links keep working.
export const updateCourse = command({
  name: "course.update",
  schema: updateCourseSchema,
  authorize: mayEditCourses,
  run: async ({ courseId, ...fields }, { user, tx }) => {
    const course = await lockEditableCourse(tx, user, courseId);
    await tx.update(courses).set(fields).where(eq(courses.id, course.id));
    // What progress counts changes every student's percentage: who changed it is kept.
    if (fields.progressScope !== undefined && fields.progressScope !== course.progressScope) {
      await recordAudit(tx, {
        actorId: user.id,
        action: "course.progress_scope_changed",
        entityType: "course",
        entityId: course.id,
        before: { progressScope: course.progressScope },
        after: { progressScope: fields.progressScope },
      });
      await recomputeProgress(tx, { courseId: course.id });
    }
    return { id: course.id, slug: course.slug };
  },
});
