import "server-only";
import { revalidateCourseContent } from "@/lib/authoring/revalidate";

/**
 * After a builder change has committed: the structure editor re-renders from
 * the database in the same response, and the course's pages drop their
 * cached outline.
 */
export async function revalidateQuiz({ courseId, slug }: { courseId: string; slug: string }): Promise<void> {
  await revalidateCourseContent({ courseId, slug });
}
