import { courseIdSchema } from "../schemas";
import { command } from "@/lib/actions/command";
import { changeCourseStatus } from "./course-status";
import { mayEditCourses } from "./ownership";

// A draft with at least one lesson opens to students.
export const publishCourse = command({
  name: "course.publish",
  schema: courseIdSchema,
  authorize: mayEditCourses,
  run: ({ courseId }, { user, tx }) =>
    changeCourseStatus(tx, user, courseId, {
      from: "draft",
      to: "published",
      audit: "course.published",
      wrongStatus: "Only a draft can be published. Reload the page to see the course's status.",
    }),
});
