"use server";

import { userAction } from "@/lib/actions/action";
import { updateCourse } from "../editor/update-course";
import { revalidateCourse } from "./revalidate-course";

// Saves the course's fields (not its status).
export const updateCourseAction = userAction({
  ...updateCourse,
  after: async (course) => revalidateCourse(course),
});
