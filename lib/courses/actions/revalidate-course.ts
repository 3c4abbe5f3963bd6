import { revalidatePath } from "next/cache";

/** Every page that shows a course's fields or status: dashboards, catalogue, its page, its editor. */
export function revalidateCourse(course: { id: string; slug: string }) {
  revalidatePath("/");
  revalidatePath("/teacher");
  revalidatePath("/courses");
  revalidatePath("/dashboard");
  revalidatePath(`/courses/${course.slug}`);
  revalidatePath(`/teacher/courses/${course.id}`);
}
