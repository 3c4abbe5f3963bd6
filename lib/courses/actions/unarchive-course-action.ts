"use server";

import { userAction } from "@/lib/actions/action";
import { unarchiveCourse } from "../editor/unarchive-course";
import { revalidateCourse } from "./revalidate-course";

// Publishes an archived course again.
export const unarchiveCourseAction = userAction({
  ...unarchiveCourse,
  after: async (course) => revalidateCourse(course),
});
