import { revalidatePath } from "next/cache";

/** The teacher's overrides page and the student-facing pages that show a due date. */
export function revalidateOverrides({ courseId, taskId }: { courseId: string; taskId: string }): void {
  revalidatePath(`/teacher/courses/${courseId}/tasks/${taskId}/overrides`);
  revalidatePath("/learn", "layout");
  revalidatePath("/progress", "layout");
}
