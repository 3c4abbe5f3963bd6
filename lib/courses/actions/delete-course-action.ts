"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/action";
import { removeStoredObjects } from "@/lib/storage/remove-objects";
import { deleteCourse } from "../editor/delete-course";
import { revalidateCourse } from "./revalidate-course";

// Deletes a draft without students, then returns to the teaching dashboard.
export const deleteCourseAction = userAction({
  ...deleteCourse,
  after: async (course) => {
    await removeStoredObjects(course.removedObjects);
    revalidateCourse(course);
    redirect("/teacher?deleted=1");
  },
});
