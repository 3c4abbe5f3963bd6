// Progress, the next item and Previous / Next once release rules count. Pure:
// the stored percentage (lib/progress/recompute-enrollment-progress.ts) and
// every page that derives progress from an outline call these, so they agree.
import type { ProgressScope } from "@/db/schema/enums";
import { courseProgress, isItemDone, type CompletedSets, type CourseItem, type CourseProgress } from "@/lib/progress/course-items";
import { progressPercent } from "@/lib/progress/progress";
import type { CourseRelease, PacedCourse, StudentFacts } from "./course-release";

const isOpen = (release: CourseRelease, item: CourseItem) => release.isOpen(item.kind, item.id);

/**
 * Under "all" (the default) every item counts. Under "released" the percentage
 * counts only the items released to this student, plus any it has already
 * completed (done work never stops counting because a rule changed). Either
 * way the course is complete only when every item is: a student is never
 * completed early because the rest is still locked.
 */
export function pacedProgress(items: CourseItem[], done: CompletedSets, release: CourseRelease, scope: ProgressScope): CourseProgress {
  const all = courseProgress(items, done);
  if (scope === "all") return all;
  const counted = items.filter((item) => isItemDone(item, done) || isOpen(release, item));
  const completed = counted.filter((item) => isItemDone(item, done)).length;
  return { required: counted.length, completed, percent: progressPercent(completed, counted.length), isComplete: all.isComplete };
}

/** The first item not done yet that is open to the student; null when none is (all done, or the rest still locked). */
export function nextOpenItem(items: CourseItem[], done: CompletedSets, release: CourseRelease): CourseItem | null {
  return items.find((item) => !isItemDone(item, done) && isOpen(release, item)) ?? null;
}

/** Previous / Next among the open items, so the player never links into a locked one. */
export function openNeighbours(
  items: CourseItem[],
  itemId: string,
  release: CourseRelease,
): { previous: CourseItem | null; next: CourseItem | null } {
  const index = items.findIndex((item) => item.id === itemId);
  if (index === -1) return { previous: null, next: null };
  const previous = items.slice(0, index).findLast((item) => isOpen(release, item)) ?? null;
  const next = items.slice(index + 1).find((item) => isOpen(release, item)) ?? null;
  return { previous, next };
}

/**
 * The same counts as pacedProgress under "released", from a paced course and
 * a student's facts (the worker and the stored percentage have no outline):
 * lessons and published tasks released to the student or done by it.
 */
export function releasedCounts(course: PacedCourse, facts: StudentFacts, release: CourseRelease): { required: number; completed: number } {
  let required = 0;
  let completed = 0;
  const count = (done: boolean, open: boolean) => {
    if (done) completed++;
    if (done || open) required++;
  };
  for (const lesson of course.lessons) count(facts.completedLessons.has(lesson.id), release.isOpen("lesson", lesson.id));
  for (const task of course.tasks) if (task.published) count(facts.completedTasks.has(task.id), release.isOpen("task", task.id));
  return { required, completed };
}
