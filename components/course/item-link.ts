import type { CourseItem } from "@/lib/progress/course-items";

/** Where a course item opens: lessons in the player; tasks on the course page until they get their own. */
export function itemHref(slug: string, item: CourseItem): string {
  return item.kind === "lesson" ? `/learn/${slug}/${item.id}` : `/courses/${slug}#task-${item.id}`;
}
