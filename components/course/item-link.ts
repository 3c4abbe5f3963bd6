import type { CourseItem } from "@/lib/progress/course-items";

/** A quiz's intro page (attempts history, Start / Resume). */
export function quizHref(slug: string, taskId: string): string {
  return `/learn/${slug}/quiz/${taskId}`;
}

/** One attempt of a quiz: the attempt page while open, `/result` once closed. */
export function attemptHref(slug: string, taskId: string, attemptId: string, view: "attempt" | "result" = "attempt"): string {
  const base = `${quizHref(slug, taskId)}/attempt/${attemptId}`;
  return view === "result" ? `${base}/result` : base;
}

/** Where a course item opens: lessons in the player, quizzes on their intro page, other tasks on the course page until they get their own. */
export function itemHref(slug: string, item: CourseItem): string {
  if (item.kind === "lesson") return `/learn/${slug}/${item.id}`;
  if (item.type === "quiz") return quizHref(slug, item.id);
  return `/courses/${slug}#task-${item.id}`;
}
