// Release states of every module, lesson and task of one course for one
// student, from the course's rules and the student's rows. Pure.
import { combineStates, evaluateRule, openState, type ReleaseFacts, type ReleaseState } from "./evaluate-release";
import type { ReleaseItemKind, ReleaseRule } from "./release-rule";

/**
 * A rule without its conditions on items the course no longer has: deleting
 * the lesson a rule waited for must not lock what follows it for ever. A rule
 * left with no condition is no rule.
 */
export function withoutMissingItems(rule: ReleaseRule | null, exists: (kind: ReleaseItemKind, id: string) => boolean): ReleaseRule | null {
  if (!rule) return null;
  const conditions = rule.conditions.filter((condition) =>
    condition.kind === "completed"
      ? exists(condition.item.kind, condition.item.id)
      : condition.kind === "score"
        ? exists("task", condition.taskId)
        : true,
  );
  if (conditions.length === rule.conditions.length) return rule;
  return conditions.length === 0 ? null : { ...rule, conditions };
}

export interface PacedModule {
  id: string;
  rule: ReleaseRule | null;
}
export interface PacedLesson {
  id: string;
  moduleId: string;
  rule: ReleaseRule | null;
}
export interface PacedTask {
  id: string;
  /** Null or a module of another course: the task stands outside any module. */
  moduleId: string | null;
  rule: ReleaseRule | null;
  /** Only published tasks count towards a module being done. */
  published: boolean;
}

export interface PacedCourse {
  modules: PacedModule[];
  lessons: PacedLesson[];
  tasks: PacedTask[];
}

export interface StudentFacts {
  enrolledAt: Date | null;
  completedLessons: ReadonlySet<string>;
  completedTasks: ReadonlySet<string>;
  scores: ReadonlyMap<string, number>;
}

export interface CourseRelease {
  state(kind: ReleaseItemKind, id: string): ReleaseState;
  isOpen(kind: ReleaseItemKind, id: string): boolean;
}

/** True when any item of the course has a rule: a course without any skips loading students' rows. */
export const hasRules = (course: PacedCourse) =>
  course.modules.some((m) => m.rule) || course.lessons.some((l) => l.rule) || course.tasks.some((t) => t.rule);

/** A module is done when every lesson and published task in it is. */
export function completedModules(course: PacedCourse, facts: StudentFacts): Set<string> {
  const done = new Set(course.modules.map((courseModule) => courseModule.id));
  for (const lesson of course.lessons) if (!facts.completedLessons.has(lesson.id)) done.delete(lesson.moduleId);
  for (const task of course.tasks)
    if (task.published && task.moduleId && !facts.completedTasks.has(task.id)) done.delete(task.moduleId);
  return done;
}

export function courseRelease(course: PacedCourse, facts: StudentFacts, now: Date): CourseRelease {
  const states = new Map<string, ReleaseState>();
  const key = (kind: ReleaseItemKind, id: string) => `${kind}:${id}`;
  if (hasRules(course)) {
    const full: ReleaseFacts = { ...facts, now, completedModules: completedModules(course, facts) };
    const ids = new Set([
      ...course.modules.map((m) => `module:${m.id}`),
      ...course.lessons.map((l) => `lesson:${l.id}`),
      ...course.tasks.map((t) => `task:${t.id}`),
    ]);
    const live = (rule: ReleaseRule | null) => withoutMissingItems(rule, (kind, id) => ids.has(`${kind}:${id}`));
    const moduleStates = new Map<string, ReleaseState>();
    for (const courseModule of course.modules) {
      const state = evaluateRule(live(courseModule.rule), full);
      moduleStates.set(courseModule.id, state);
      states.set(key("module", courseModule.id), state);
    }
    const inModule = (moduleId: string | null) => (moduleId && moduleStates.get(moduleId)) || openState;
    for (const lesson of course.lessons)
      states.set(key("lesson", lesson.id), combineStates(inModule(lesson.moduleId), evaluateRule(live(lesson.rule), full)));
    for (const task of course.tasks)
      states.set(key("task", task.id), combineStates(inModule(task.moduleId), evaluateRule(live(task.rule), full)));
  }
  const state = (kind: ReleaseItemKind, id: string) => states.get(key(kind, id)) ?? openState;
  return { state, isOpen: (kind, id) => state(kind, id).open };
}

/** Everyone sees everything open: staff, and any course with no rules. */
export const allOpen: CourseRelease = { state: () => openState, isOpen: () => true };
