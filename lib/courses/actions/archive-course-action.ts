"use server";

import { userAction } from "@/lib/actions/action";
import { archiveCourse } from "../editor/archive-course";
import { revalidateCourse } from "./revalidate-course";

// Archives a published course: readable for its students, closed to new ones.
export const archiveCourseAction = userAction({
  ...archiveCourse,
  after: async (course) => revalidateCourse(course),
});
