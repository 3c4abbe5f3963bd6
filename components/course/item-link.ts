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

/** An assignment's or project's page: instructions, hand-in form, versions and the released grade. */
export function assignmentHref(slug: string, taskId: string): string {
  return `/learn/${slug}/assignment/${taskId}`;
}

/** Where a task opens for a student, or null for a kind with no page of its own yet (discussions). */
export function taskHref(slug: string, task: { id: string; type: string }): string | null {
  if (task.type === "quiz") return quizHref(slug, task.id);
  if (task.type === "assignment" || task.type === "project") return assignmentHref(slug, task.id);
  return null;
}

/** Where a course item opens: lessons in the player, quizzes and assignments on their own pages, others on the course page. */
export function itemHref(slug: string, item: CourseItem): string {
  if (item.kind === "lesson") return `/learn/${slug}/${item.id}`;
  return taskHref(slug, item) ?? `/courses/${slug}#task-${item.id}`;
}
