"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/action";
import { createCourse } from "../editor/create-course";
import { revalidateCourse } from "./revalidate-course";

// Creates a draft course taught by its creator, then opens its editor.
export const createCourseAction = userAction({
  ...createCourse,
  after: async (course) => {
    revalidateCourse(course);
    redirect(`/teacher/courses/${course.id}?created=1`);
  },
});
