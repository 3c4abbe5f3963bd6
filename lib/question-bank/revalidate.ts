import "server-only";
import { revalidatePath } from "next/cache";
import { revalidateCourseContent } from "@/lib/authoring/revalidate";

/** After a bank change has committed: the bank's pages and the quizzes that show its questions re-render. */
export async function revalidateBank({ courseId, slug }: { courseId: string; slug: string }): Promise<void> {
  revalidatePath(`/teacher/courses/${courseId}/questions`, "layout");
  await revalidateCourseContent({ courseId, slug });
}
