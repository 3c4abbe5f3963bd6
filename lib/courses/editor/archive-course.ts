import { courseIdSchema } from "../schemas";
import { command } from "@/lib/actions/command";
import { changeCourseStatus } from "./course-status";
import { mayEditCourses } from "./ownership";

// A published course closes to new students; its enrolled students keep reading it.
export const archiveCourse = command({
  name: "course.archive",
  schema: courseIdSchema,
  authorize: mayEditCourses,
  run: ({ courseId }, { user, tx }) =>
    changeCourseStatus(tx, user, courseId, {
      from: "published",
      to: "archived",
      audit: "course.archived",
      wrongStatus: "Only a published course can be archived. Reload the page to see the course's status.",
    }),
});
