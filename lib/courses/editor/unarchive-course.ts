import { courseIdSchema } from "../schemas";
import { command } from "@/lib/actions/command";
import { changeCourseStatus } from "./course-status";
import { mayEditCourses } from "./ownership";

// "Publish again": an archived course accepts new students once more.
export const unarchiveCourse = command({
  name: "course.unarchive",
  schema: courseIdSchema,
  authorize: mayEditCourses,
  run: ({ courseId }, { user, tx }) =>
    changeCourseStatus(tx, user, courseId, {
      from: "archived",
      to: "published",
      audit: "course.published",
      wrongStatus: "Only an archived course can be published again. Reload the page to see the course's status.",
    }),
});
