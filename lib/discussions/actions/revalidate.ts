import { revalidatePath } from "next/cache";

/** Every discussion page of the course shows fresh data after a change. */
export function revalidateDiscussions(courseSlug: string): void {
  revalidatePath(`/learn/${courseSlug}/discussions`, "layout");
}
