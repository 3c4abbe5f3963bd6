import { revalidatePath } from "next/cache";

/** The course's section pages, and the player where a student sees its section's name. */
export function revalidateSections(courseId: string): void {
  revalidatePath(`/teacher/courses/${courseId}/sections`, "layout");
  revalidatePath("/learn", "layout");
}
