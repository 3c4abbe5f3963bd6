import "server-only";
import { revalidatePath } from "next/cache";
import { removeStoredObjects } from "@/lib/storage/remove-objects";

/**
 * After a structure change has committed: deleted files' bytes are removed,
 * the editor re-renders from the database in the same response (so it shows
 * the server's order), and the pages that show the course's outline drop their
 * cached copies.
 */
export async function revalidateCourseContent({
  courseId,
  slug,
  removedObjects = [],
}: {
  courseId: string;
  slug: string;
  removedObjects?: string[];
}): Promise<void> {
  await removeStoredObjects(removedObjects);
  revalidatePath(`/teacher/courses/${courseId}/structure`);
  revalidatePath("/teacher");
  revalidatePath(`/courses/${slug}`);
  revalidatePath(`/learn/${slug}`, "layout");
}
