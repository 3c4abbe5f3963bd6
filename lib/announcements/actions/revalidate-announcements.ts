import { revalidatePath } from "next/cache";
import type { AnnouncementChange } from "../commands";

/** Every page that shows a course's announcements: the teacher's list, the students' pages and dashboard. */
export function revalidateAnnouncements({ courseId, slug }: AnnouncementChange): void {
  revalidatePath(`/teacher/courses/${courseId}/announcements`);
  revalidatePath(`/learn/${slug}/announcements`, "layout");
  revalidatePath(`/courses/${slug}`);
  revalidatePath("/dashboard");
}
