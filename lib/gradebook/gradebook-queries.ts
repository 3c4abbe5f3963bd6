import "server-only";
import { and, asc, eq, gt, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, enrollments, learningTasks, submissions, taskProgress, users } from "@/db/schema";
import type { EnrollmentStatus, TaskProgressStatus, TaskType } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { gradedCourses, sectionFilter, teachesSectionOf, visibleStudents } from "@/lib/sections/section-scope";
import { matchesPerson, personName } from "@/lib/users/person-search";
import { percentOf, roundPoints } from "@/lib/grading";
import { pageCountOf } from "@/lib/pagination";
import { gradebookPageSize, type GradebookParams } from "./gradebook-schema";

export interface GradebookTask {
  id: string;
  title: string;
  type: TaskType;
  maxPoints: number | null;
  dueAt: Date | null;
}

export interface GradebookCell {
  status: TaskProgressStatus;
  /** Released points only: a draft grade is not a grade yet. */
  points: number | null;
  isLate: boolean;
}

export interface GradebookStudent {
  userId: string;
  name: string;
  email: string;
  enrollmentStatus: EnrollmentStatus;
  cells: Record<string, GradebookCell>;
  earned: number;
  possible: number;
  percent: number;
}

export interface Gradebook {
  course: { id: string; title: string; slug: string };
  tasks: GradebookTask[];
  students: GradebookStudent[];
  total: number;
  page: number;
  pageCount: number;
}

const gradedTypes: TaskType[] = ["quiz", "assignment", "project"];

/** The course when the actor may read its gradebook (its teacher, a section teacher, an admin); else null (read as not found). One statement. */
export async function loadGradebookCourse(db: DbOrTx, actor: Actor, courseId: string) {
  const [course] = await db
    .select({
      id: courses.id,
      title: courses.title,
      slug: courses.slug,
      teacherId: courses.teacherId,
      status: courses.status,
      visibility: courses.visibility,
      sectionTeacher: teachesSectionOf(actor, courses.id),
    })
    .from(courses)
    .where(and(eq(courses.id, courseId), gradedCourses(actor)));
  return course && can(actor, "gradebook.view", course) ? course : null;
}

/**
 * Which of the course's students a gradebook (page or CSV) lists: a section
 * teacher its sections' students only, and with a section chosen, that
 * section's members (another course's section lists nobody).
 */
export const gradebookStudents = (actor: Actor, course: { id: string; teacherId: string }, sectionId?: string): SQL | undefined =>
  and(visibleStudents(actor, course, users.id), sectionFilter(actor, sectionId, { courseId: course.id, userId: users.id }));

/** The course's published graded tasks, in course order. One statement. */
export function loadGradebookTasks(db: DbOrTx, courseId: string): Promise<GradebookTask[]> {
  return db
    .select({ id: learningTasks.id, title: learningTasks.title, type: learningTasks.type, maxPoints: learningTasks.maxPoints, dueAt: learningTasks.dueAt })
    .from(learningTasks)
    .where(and(eq(learningTasks.courseId, courseId), eq(learningTasks.status, "published"), inArray(learningTasks.type, gradedTypes)))
    .orderBy(asc(learningTasks.position), asc(learningTasks.createdAt), asc(learningTasks.id));
}

const studentName = personName;

/** Students of the course (dropped ones left out), by name then id, which keyset paging relies on. */
export function studentsOfCourse(
  db: DbOrTx,
  courseId: string,
  { q = "", after, limit, offset, scope }: { q?: string; after?: { name: string; id: string }; limit: number; offset?: number; scope?: SQL },
) {
  const keyset: SQL | undefined = after ? or(gt(studentName, after.name), and(eq(studentName, after.name), gt(users.id, after.id))) : undefined;
  return db
    .select({
      userId: users.id,
      name: studentName,
      email: users.email,
      enrollmentStatus: enrollments.status,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(eq(enrollments.courseId, courseId), ne(enrollments.status, "dropped"), matchesPerson(q), keyset, scope))
    .orderBy(asc(studentName), asc(users.id))
    .limit(limit)
    .offset(offset ?? 0);
}

/** Every cell of these students × tasks: released points from task progress, the late mark from the current hand-in. One statement. */
export async function loadCells(db: DbOrTx, userIds: string[], taskIds: string[]) {
  if (userIds.length === 0 || taskIds.length === 0) return [];
  return db
    .select({
      userId: taskProgress.userId,
      taskId: taskProgress.taskId,
      status: taskProgress.status,
      points: taskProgress.pointsEarned,
      isLate: sql<boolean>`coalesce(${submissions.isLate}, false)`,
    })
    .from(taskProgress)
    .leftJoin(
      submissions,
      and(eq(submissions.taskId, taskProgress.taskId), eq(submissions.userId, taskProgress.userId), eq(submissions.isCurrent, true)),
    )
    .where(and(inArray(taskProgress.userId, userIds), inArray(taskProgress.taskId, taskIds)));
}

/** Students with their cells and totals: points earned over the points of every published task. */
export function assembleStudents(
  students: { userId: string; name: string; email: string; enrollmentStatus: EnrollmentStatus }[],
  tasks: GradebookTask[],
  cells: Awaited<ReturnType<typeof loadCells>>,
): GradebookStudent[] {
  const possible = tasks.reduce((sum, task) => sum + (task.maxPoints ?? 0), 0);
  const byStudent = new Map<string, Record<string, GradebookCell>>();
  for (const cell of cells) {
    const row = byStudent.get(cell.userId) ?? {};
    row[cell.taskId] = { status: cell.status, points: cell.status === "graded" ? cell.points : null, isLate: cell.isLate };
    byStudent.set(cell.userId, row);
  }
  return students.map((student) => {
    const studentCells = byStudent.get(student.userId) ?? {};
    const earned = roundPoints(Object.values(studentCells).reduce((sum, cell) => sum + (cell.points ?? 0), 0));
    return { ...student, cells: studentCells, earned, possible, percent: percentOf(earned, possible) };
  });
}

/**
 * One page of a course's gradebook: students × published quizzes and
 * assignments. Four statements, whatever the number of students or tasks.
 */
export async function loadGradebook(db: DbOrTx, actor: Actor, courseId: string, params: GradebookParams): Promise<Gradebook | null> {
  const course = await loadGradebookCourse(db, actor, courseId);
  if (!course) return null;
  const [tasks, page] = await Promise.all([
    loadGradebookTasks(db, course.id),
    studentsOfCourse(db, course.id, {
      q: params.q,
      limit: gradebookPageSize,
      offset: (params.page - 1) * gradebookPageSize,
      scope: gradebookStudents(actor, course, params.section),
    }),
  ]);
  const cells = await loadCells(
    db,
    page.map((student) => student.userId),
    tasks.map((task) => task.id),
  );
  const total = page[0]?.total ?? 0;
  return {
    course: { id: course.id, title: course.title, slug: course.slug },
    tasks,
    students: assembleStudents(page, tasks, cells),
    total,
    page: params.page,
    pageCount: pageCountOf(total, gradebookPageSize),
  };
}
