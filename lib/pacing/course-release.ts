// Release states of every module, lesson and task of one course for one
// student, from the course's rules and the student's rows. Pure.
import { combineStates, evaluateRule, openState, type ReleaseFacts, type ReleaseState } from "./evaluate-release";
import type { ReleaseItemKind, ReleaseRule } from "./release-rule";

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
    const moduleStates = new Map<string, ReleaseState>();
    for (const courseModule of course.modules) {
      const state = evaluateRule(courseModule.rule, full);
      moduleStates.set(courseModule.id, state);
      states.set(key("module", courseModule.id), state);
    }
    const inModule = (moduleId: string | null) => (moduleId && moduleStates.get(moduleId)) || openState;
    for (const lesson of course.lessons)
      states.set(key("lesson", lesson.id), combineStates(inModule(lesson.moduleId), evaluateRule(lesson.rule, full)));
    for (const task of course.tasks)
      states.set(key("task", task.id), combineStates(inModule(task.moduleId), evaluateRule(task.rule, full)));
  }
  const state = (kind: ReleaseItemKind, id: string) => states.get(key(kind, id)) ?? openState;
  return { state, isOpen: (kind, id) => state(kind, id).open };
}

/** Everyone sees everything open: staff, and any course with no rules. */
export const allOpen: CourseRelease = { state: () => openState, isOpen: () => true };
