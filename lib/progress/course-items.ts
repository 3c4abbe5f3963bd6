// The ordered list of a course's required items (lessons and published tasks)
// and what follows from which of them a student has done. Pure: every page,
// action and route that shows progress derives it from these functions, so the
// numbers always agree.
import type { TaskType } from "@/db/schema/enums";
import { progressPercent } from "./progress";

export interface OutlineLesson {
  id: string;
  title: string;
  position: number;
}

export interface OutlineModule {
  id: string;
  position: number;
  lessons: OutlineLesson[];
}

export interface OutlineTask {
  id: string;
  title: string;
  type: TaskType;
  moduleId: string | null;
  position: number;
}

export type CourseItem =
  | { kind: "lesson"; id: string; title: string; moduleId: string }
  | { kind: "task"; id: string; title: string; type: TaskType; moduleId: string | null };

export interface CompletedSets {
  lessons: ReadonlySet<string>;
  tasks: ReadonlySet<string>;
}

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;

/**
 * Course order: modules by position; in each, its lessons then its tasks by
 * position; tasks outside any module come last.
 */
export function orderedItems(modules: OutlineModule[], publishedTasks: OutlineTask[]): CourseItem[] {
  const items: CourseItem[] = [];
  const moduleIds = new Set(modules.map((courseModule) => courseModule.id));
  for (const courseModule of [...modules].sort(byPosition)) {
    for (const lesson of [...courseModule.lessons].sort(byPosition))
      items.push({ kind: "lesson", id: lesson.id, title: lesson.title, moduleId: courseModule.id });
    for (const task of publishedTasks.filter((t) => t.moduleId === courseModule.id).sort(byPosition))
      items.push({ kind: "task", id: task.id, title: task.title, type: task.type, moduleId: courseModule.id });
  }
  for (const task of publishedTasks.filter((t) => t.moduleId === null || !moduleIds.has(t.moduleId)).sort(byPosition))
    items.push({ kind: "task", id: task.id, title: task.title, type: task.type, moduleId: null });
  return items;
}

export const isItemDone = (item: CourseItem, done: CompletedSets) =>
  item.kind === "lesson" ? done.lessons.has(item.id) : done.tasks.has(item.id);

export interface CourseProgress {
  required: number;
  completed: number;
  percent: number;
  isComplete: boolean;
}

/** Completed over required items; completions of items no longer in the course do not count. */
export function courseProgress(items: CourseItem[], done: CompletedSets): CourseProgress {
  const required = items.length;
  const completed = items.filter((item) => isItemDone(item, done)).length;
  return { required, completed, percent: progressPercent(completed, required), isComplete: required > 0 && completed === required };
}

/** The first item not yet done, in course order; null when everything is done (or there is nothing). */
export function nextItem(items: CourseItem[], done: CompletedSets): CourseItem | null {
  return items.find((item) => !isItemDone(item, done)) ?? null;
}

/** The items before and after one item, for Previous / Next. */
export function neighbours(items: CourseItem[], itemId: string): { previous: CourseItem | null; next: CourseItem | null } {
  const index = items.findIndex((item) => item.id === itemId);
  if (index === -1) return { previous: null, next: null };
  return { previous: items[index - 1] ?? null, next: items[index + 1] ?? null };
}
