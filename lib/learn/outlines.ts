import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { learningTasks, lessonCompletions, lessons, modules, taskProgress } from "@/db/schema";
import type { LessonContentType } from "@/db/schema/enums";
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
}

/**
 * The outlines (modules, lessons, published tasks, in order) of several courses
 * with what `userId` has completed: two statements whatever the number of
 * courses and lessons. Pass `userId` null for a reader with no completions.
 */
export async function loadOutlines(db: DbOrTx, courseIds: string[], userId: string | null): Promise<Map<string, CourseOutline>> {
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
        done: sql<boolean>`coalesce(${taskProgress.status} IN ('completed', 'graded'), false)`,
      })
      .from(learningTasks)
      .leftJoin(
        taskProgress,
        and(eq(taskProgress.taskId, learningTasks.id), eq(taskProgress.userId, userId ?? sql`NULL::uuid`)),
      )
      .where(and(inArray(learningTasks.courseId, courseIds), eq(learningTasks.status, "published")))
      .orderBy(asc(learningTasks.position)),
  ]);

  const draft = new Map<string, { modules: Map<string, CourseOutline["modules"][number]>; tasks: CourseOutline["tasks"]; lessons: Set<string>; taskIds: Set<string> }>();
  const entry = (courseId: string) => {
    let value = draft.get(courseId);
    if (!value) draft.set(courseId, (value = { modules: new Map(), tasks: [], lessons: new Set(), taskIds: new Set() }));
    return value;
  };
  for (const courseId of courseIds) entry(courseId);
  for (const row of lessonRows) {
    const course = entry(row.courseId);
    let courseModule = course.modules.get(row.moduleId);
    if (!courseModule) {
      courseModule = { id: row.moduleId, title: row.moduleTitle, position: row.modulePosition, lessons: [] };
      course.modules.set(row.moduleId, courseModule);
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
    }
  }
  for (const row of taskRows) {
    const course = entry(row.courseId);
    course.tasks.push({ id: row.id, title: row.title, type: row.type, moduleId: row.moduleId, position: row.position });
    if (row.done) course.taskIds.add(row.id);
  }
  for (const [courseId, value] of draft) {
    const moduleList = [...value.modules.values()];
    outlines.set(courseId, {
      modules: moduleList,
      tasks: value.tasks,
      items: orderedItems(moduleList, value.tasks),
      done: { lessons: value.lessons, tasks: value.taskIds },
    });
  }
  return outlines;
}
