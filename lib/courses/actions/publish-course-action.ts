"use server";

import { userAction } from "@/lib/actions/action";
import { publishCourse } from "../editor/publish-course";
import { revalidateCourse } from "./revalidate-course";

// Publishes a draft that has at least one lesson.
export const publishCourseAction = userAction({
  ...publishCourse,
  after: async (course) => revalidateCourse(course),
});
