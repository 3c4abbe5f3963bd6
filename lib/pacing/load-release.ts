// Loads what release rules need from the database. No "server-only": the
// worker (reminders, progress refresh) evaluates rules too.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { enrollments, learningTasks, lessonCompletions, lessons, modules, taskProgress } from "@/db/schema";
import { allOpen, courseRelease, hasRules, type CourseRelease, type PacedCourse, type StudentFacts } from "./course-release";
import { parseStoredRule } from "./release-rule";

/** Every module, lesson and (draft or published) task of a course with its rule: two statements. */
export async function loadPacedCourse(db: DbOrTx, courseId: string): Promise<PacedCourse> {
  const [lessonRows, taskRows] = await Promise.all([
    db
      .select({ moduleId: modules.id, moduleRule: modules.releaseRule, lessonId: lessons.id, lessonRule: lessons.releaseRule })
      .from(modules)
      .leftJoin(lessons, eq(lessons.moduleId, modules.id))
      .where(eq(modules.courseId, courseId)),
    db
      .select({ id: learningTasks.id, moduleId: learningTasks.moduleId, rule: learningTasks.releaseRule, status: learningTasks.status })
      .from(learningTasks)
      .where(eq(learningTasks.courseId, courseId)),
  ]);
  const course: PacedCourse = { modules: [], lessons: [], tasks: [] };
  const seen = new Set<string>();
  for (const row of lessonRows) {
    if (!seen.has(row.moduleId)) {
      seen.add(row.moduleId);
      course.modules.push({ id: row.moduleId, rule: parseStoredRule(row.moduleRule) });
    }
    if (row.lessonId) course.lessons.push({ id: row.lessonId, moduleId: row.moduleId, rule: parseStoredRule(row.lessonRule) });
  }
  for (const row of taskRows)
    course.tasks.push({
      id: row.id,
      moduleId: row.moduleId && seen.has(row.moduleId) ? row.moduleId : null,
      rule: parseStoredRule(row.rule),
      published: row.status === "published",
    });
  return course;
}

/**
 * The percent a task's recorded points are of its max points, in SQL (select
 * it with learning_tasks and task_progress joined), so every reader of
 * scores compares the same number with a rule's threshold.
 */
export const scorePercentSql = sql<string | null>`CASE WHEN ${learningTasks.maxPoints} > 0 AND ${taskProgress.pointsEarned} IS NOT NULL
  THEN ${taskProgress.pointsEarned} * 100.0 / ${learningTasks.maxPoints} END`;

const emptyFacts = (enrolledAt: Date | null = null): StudentFacts => ({ enrolledAt, completedLessons: new Set(), completedTasks: new Set(), scores: new Map() });

/**
 * Whose facts to load: some students of one course (keyed by student; their
 * enrolment dates are read), or one student in some courses (keyed by course;
 * the caller has the enrolment dates already, so they are not read again).
 */
export type StudentFactsScope = { courseId: string; userIds: string[] } | { userId: string; enrolledAt: Map<string, Date | null> };

/**
 * Completions and scores (and, for one course, enrolment dates) of the scope:
 * three statements for one course, two for one student, whatever the number
 * of students or courses; none when either list is empty.
 */
export async function loadStudentFacts(db: DbOrTx, scope: StudentFactsScope): Promise<Map<string, StudentFacts>> {
  const byStudent = "courseId" in scope;
  const courseIds = byStudent ? [scope.courseId] : [...scope.enrolledAt.keys()];
  const userIds = byStudent ? scope.userIds : [scope.userId];
  const facts = new Map<string, StudentFacts>(
    byStudent ? userIds.map((id) => [id, emptyFacts()]) : courseIds.map((id) => [id, emptyFacts(scope.enrolledAt.get(id) ?? null)]),
  );
  if (courseIds.length === 0 || userIds.length === 0) return facts;
  const factsOf = (row: { courseId: string; userId: string }) => facts.get(byStudent ? row.userId : row.courseId)!;
  const [enrolled, completed, progress] = await Promise.all([
    byStudent
      ? db
          .select({ userId: enrollments.userId, enrolledAt: enrollments.enrolledAt })
          .from(enrollments)
          .where(and(eq(enrollments.courseId, scope.courseId), inArray(enrollments.userId, userIds)))
      : [],
    db
      .select({ courseId: modules.courseId, userId: lessonCompletions.userId, lessonId: lessonCompletions.lessonId })
      .from(lessonCompletions)
      .innerJoin(lessons, eq(lessons.id, lessonCompletions.lessonId))
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .where(and(inArray(modules.courseId, courseIds), inArray(lessonCompletions.userId, userIds))),
    db
      .select({
        courseId: learningTasks.courseId,
        userId: taskProgress.userId,
        taskId: taskProgress.taskId,
        done: sql<boolean>`${taskProgress.status} IN ('completed', 'graded')`,
        percent: scorePercentSql,
      })
      .from(taskProgress)
      .innerJoin(learningTasks, eq(learningTasks.id, taskProgress.taskId))
      .where(and(inArray(learningTasks.courseId, courseIds), inArray(taskProgress.userId, userIds))),
  ]);
  for (const row of enrolled) facts.get(row.userId)!.enrolledAt = row.enrolledAt;
  for (const row of completed) (factsOf(row).completedLessons as Set<string>).add(row.lessonId);
  for (const row of progress) {
    const own = factsOf(row);
    if (row.done) (own.completedTasks as Set<string>).add(row.taskId);
    if (row.percent !== null) (own.scores as Map<string, number>).set(row.taskId, Number(row.percent));
  }
  return facts;
}

/**
 * Release states of a course for several students; a course without rules
 * costs the two statements of its outline and nothing per student.
 */
export async function loadCourseReleases(
  db: DbOrTx,
  courseId: string,
  userIds: string[],
  now: Date = new Date(),
): Promise<{ course: PacedCourse; releases: Map<string, CourseRelease> }> {
  const course = await loadPacedCourse(db, courseId);
  const releases = new Map<string, CourseRelease>();
  if (!hasRules(course)) {
    for (const id of userIds) releases.set(id, allOpen);
    return { course, releases };
  }
  const facts = await loadStudentFacts(db, { courseId, userIds });
  for (const id of userIds) releases.set(id, courseRelease(course, facts.get(id)!, now));
  return { course, releases };
}

/** One student's release states in one course. */
export async function loadCourseRelease(db: DbOrTx, courseId: string, userId: string, now: Date = new Date()): Promise<CourseRelease> {
  const { releases } = await loadCourseReleases(db, courseId, [userId], now);
  return releases.get(userId)!;
}
