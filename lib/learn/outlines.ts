import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { learningTasks, lessonCompletions, lessons, modules, taskProgress } from "@/db/schema";
import type { LessonContentType } from "@/db/schema/enums";
import { usableTimeZone, type LockWording } from "@/lib/pacing/describe-lock";
import { allOpen, courseRelease, hasRules, type CourseRelease, type PacedCourse } from "@/lib/pacing/course-release";
import { scorePercentSql } from "@/lib/pacing/load-release";
import { parseStoredRule } from "@/lib/pacing/release-rule";
import { orderedItems, type CompletedSets, type CourseItem, type OutlineModule, type OutlineTask } from "@/lib/progress/course-items";

export interface OutlineLessonView {
  id: string;
  title: string;
  contentType: LessonContentType;
  durationMinutes: number | null;
  position: number;
}

export interface CourseOutline {
  modules: (Omit<OutlineModule, "lessons"> & { title: string; lessons: OutlineLessonView[] })[];
  tasks: OutlineTask[];
  items: CourseItem[];
  done: CompletedSets;
  /** Which modules, lessons and tasks are released to the reader: all open for staff, guests and courses without rules. */
  release: CourseRelease;
}

export interface OutlineOptions {
  /** The reader's enrolment date per course, for "N days after enrolment" rules (missing: not enrolled). */
  enrolledAt?: ReadonlyMap<string, Date | null>;
  now?: Date;
}

/**
 * The outlines (modules, lessons, published tasks, in order) of several courses
 * with what `userId` has completed and which items are released to it: two
 * statements whatever the number of courses and lessons. Pass `userId` null
 * for a reader with no completions (everything reads as open).
 */
export async function loadOutlines(
  db: DbOrTx,
  courseIds: string[],
  userId: string | null,
  { enrolledAt, now = new Date() }: OutlineOptions = {},
): Promise<Map<string, CourseOutline>> {
  const outlines = new Map<string, CourseOutline>();
  if (courseIds.length === 0) return outlines;

  const [lessonRows, taskRows] = await Promise.all([
    db
      .select({
        courseId: modules.courseId,
        moduleId: modules.id,
        moduleTitle: modules.title,
        modulePosition: modules.position,
        lessonId: lessons.id,
        lessonTitle: lessons.title,
        contentType: lessons.contentType,
        durationMinutes: lessons.durationMinutes,
        lessonPosition: lessons.position,
        moduleRule: modules.releaseRule,
        lessonRule: lessons.releaseRule,
        done: userId
          ? sql<boolean>`${lessonCompletions.id} IS NOT NULL`
          : sql<boolean>`false`,
      })
      .from(modules)
      .leftJoin(lessons, eq(lessons.moduleId, modules.id))
      .leftJoin(
        lessonCompletions,
        and(eq(lessonCompletions.lessonId, lessons.id), eq(lessonCompletions.userId, userId ?? sql`NULL::uuid`)),
      )
      .where(inArray(modules.courseId, courseIds))
      .orderBy(asc(modules.courseId), asc(modules.position), asc(lessons.position)),
    db
      .select({
        courseId: learningTasks.courseId,
        id: learningTasks.id,
        title: learningTasks.title,
        type: learningTasks.type,
        moduleId: learningTasks.moduleId,
        position: learningTasks.position,
        status: learningTasks.status,
        rule: learningTasks.releaseRule,
        done: sql<boolean>`coalesce(${taskProgress.status} IN ('completed', 'graded'), false)`,
        percent: scorePercentSql,
      })
      .from(learningTasks)
      .leftJoin(
        taskProgress,
        and(eq(taskProgress.taskId, learningTasks.id), eq(taskProgress.userId, userId ?? sql`NULL::uuid`)),
      )
      // Drafts too, for the rules: a module is done when its published tasks are, and a score counts whatever the status now.
      .where(inArray(learningTasks.courseId, courseIds))
      .orderBy(asc(learningTasks.position)),
  ]);

  interface Draft {
    modules: Map<string, CourseOutline["modules"][number]>;
    tasks: CourseOutline["tasks"];
    lessons: Set<string>;
    taskIds: Set<string>;
    paced: PacedCourse;
    scores: Map<string, number>;
    /** Completed tasks, drafts included: what the rules read. */
    doneTasks: Set<string>;
    rawTasks: { id: string; moduleId: string | null; rule: unknown; published: boolean }[];
  }
  const draft = new Map<string, Draft>();
  const entry = (courseId: string) => {
    let value = draft.get(courseId);
    if (!value) {
      value = {
        modules: new Map(),
        tasks: [],
        lessons: new Set(),
        taskIds: new Set(),
        paced: { modules: [], lessons: [], tasks: [] },
        scores: new Map(),
        doneTasks: new Set(),
        rawTasks: [],
      };
      draft.set(courseId, value);
    }
    return value;
  };
  for (const courseId of courseIds) entry(courseId);
  for (const row of lessonRows) {
    const course = entry(row.courseId);
    let courseModule = course.modules.get(row.moduleId);
    if (!courseModule) {
      courseModule = { id: row.moduleId, title: row.moduleTitle, position: row.modulePosition, lessons: [] };
      course.modules.set(row.moduleId, courseModule);
      course.paced.modules.push({ id: row.moduleId, rule: parseStoredRule(row.moduleRule) });
    }
    if (row.lessonId) {
      courseModule.lessons.push({
        id: row.lessonId,
        title: row.lessonTitle!,
        contentType: row.contentType!,
        durationMinutes: row.durationMinutes,
        position: row.lessonPosition!,
      });
      if (row.done) course.lessons.add(row.lessonId);
      course.paced.lessons.push({ id: row.lessonId, moduleId: row.moduleId, rule: parseStoredRule(row.lessonRule) });
    }
  }
  for (const row of taskRows) {
    const course = entry(row.courseId);
    const published = row.status === "published";
    if (published) {
      course.tasks.push({ id: row.id, title: row.title, type: row.type, moduleId: row.moduleId, position: row.position });
      if (row.done) course.taskIds.add(row.id);
    }
    if (row.done) course.doneTasks.add(row.id);
    if (row.percent !== null) course.scores.set(row.id, Number(row.percent));
    course.rawTasks.push({ id: row.id, moduleId: row.moduleId, rule: row.rule, published });
  }
  for (const [courseId, value] of draft) {
    const moduleList = [...value.modules.values()];
    // A task in a module of another course stands outside any module, as in lib/pacing/load-release.ts.
    value.paced.tasks = value.rawTasks.map((task) => ({
      id: task.id,
      moduleId: task.moduleId && value.modules.has(task.moduleId) ? task.moduleId : null,
      rule: parseStoredRule(task.rule),
      published: task.published,
    }));
    const release =
      userId && hasRules(value.paced)
        ? courseRelease(
            value.paced,
            { enrolledAt: enrolledAt?.get(courseId) ?? null, completedLessons: value.lessons, completedTasks: value.doneTasks, scores: value.scores },
            now,
          )
        : allOpen;
    outlines.set(courseId, {
      modules: moduleList,
      tasks: value.tasks,
      items: orderedItems(moduleList, value.tasks),
      done: { lessons: value.lessons, tasks: value.taskIds },
      release,
    });
  }
  return outlines;
}

/** Lock sentences for an outline's reader, naming the items by the titles the outline already holds (drafts stay unnamed). */
export function outlineWording(outline: Pick<CourseOutline, "modules" | "tasks">, timeZone: string | null): LockWording {
  const titles = new Map<string, string>();
  for (const courseModule of outline.modules) {
    titles.set(`module:${courseModule.id}`, courseModule.title);
    for (const lesson of courseModule.lessons) titles.set(`lesson:${lesson.id}`, lesson.title);
  }
  for (const task of outline.tasks) titles.set(`task:${task.id}`, task.title);
  return { timeZone: usableTimeZone(timeZone), titleOf: (item) => titles.get(`${item.kind}:${item.id}`) };
}
