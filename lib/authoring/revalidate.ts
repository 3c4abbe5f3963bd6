import "server-only";
import { revalidatePath } from "next/cache";

/**
 * After a structure change: the editor re-renders from the database in the
 * same response (so it shows the server's order), and the pages that show the
 * course's outline drop their cached copies.
 */
export async function revalidateCourseContent({ courseId, slug }: { courseId: string; slug: string }): Promise<void> {
  revalidatePath(`/teacher/courses/${courseId}/structure`);
  revalidatePath("/teacher");
  revalidatePath(`/courses/${slug}`);
  revalidatePath(`/learn/${slug}`, "layout");
}
