import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, courses, learningTasks, submissions, users } from "@/db/schema";
import type { SubmissionGradeStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/policy";
import { gradedCourses, sectionFilter, teachesStudent } from "@/lib/sections/section-scope";
import { matchesPerson, personName } from "@/lib/users/person-search";
import { pageCountOf } from "@/lib/pagination";
import { queuePageSize, type QueueParams } from "./queue-schema";

export interface QueueRow {
  submissionId: string;
  studentName: string;
  courseTitle: string;
  assignmentTitle: string;
  version: number;
  submittedAt: Date;
  isLate: boolean;
  daysLate: number;
  gradeStatus: SubmissionGradeStatus;
  points: number | null;
  maxPoints: number | null;
}

export interface GradingQueue {
  rows: QueueRow[];
  total: number;
  page: number;
  pageCount: number;
  /** The actor's courses with assignments, and their assignments, for the filters. */
  courses: { id: string; title: string }[];
  assignments: { id: string; title: string; courseId: string }[];
}

const statusFilter = (status: QueueParams["status"]): SQL | undefined => {
  switch (status) {
    case "needs_grading":
      return inArray(submissions.gradeStatus, ["ungraded", "draft"]);
    case "draft":
    case "released":
    case "returned":
      return eq(submissions.gradeStatus, status);
    case "late":
      return eq(submissions.isLate, true);
    case "all":
      return undefined;
  }
};

/**
 * The current version of every hand-in across the actor's courses, filtered,
 * sorted by submission time and paged on the server. Two statements: the page
 * with its total (a window count), and the filter choices.
 */
export async function loadGradingQueue(db: DbOrTx, actor: Actor, params: QueueParams): Promise<GradingQueue> {
  const where = and(
    eq(submissions.isCurrent, true),
    // A section teacher's queue holds its sections' students only.
    teachesStudent(actor, { courseId: courses.id, teacherId: courses.teacherId, userId: submissions.userId }),
    sectionFilter(actor, params.section, { courseId: courses.id, userId: submissions.userId }),
    params.course ? eq(courses.id, params.course) : undefined,
    params.assignment ? eq(learningTasks.id, params.assignment) : undefined,
    statusFilter(params.status),
    matchesPerson(params.q),
  );
  const offset = (params.page - 1) * queuePageSize;
  const [page, choices] = await Promise.all([
    db
      .select({
        submissionId: submissions.id,
        studentName: personName,
        courseTitle: courses.title,
        assignmentTitle: learningTasks.title,
        version: submissions.version,
        submittedAt: submissions.submittedAt,
        isLate: submissions.isLate,
        daysLate: submissions.daysLate,
        gradeStatus: submissions.gradeStatus,
        points: submissions.points,
        maxPoints: learningTasks.maxPoints,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(submissions)
      .innerJoin(learningTasks, eq(learningTasks.id, submissions.taskId))
      .innerJoin(courses, eq(courses.id, learningTasks.courseId))
      .innerJoin(users, eq(users.id, submissions.userId))
      .where(where)
      .orderBy(params.sort === "newest" ? desc(submissions.submittedAt) : asc(submissions.submittedAt), asc(submissions.id))
      .limit(queuePageSize)
      .offset(offset),
    db
      .select({ courseId: courses.id, courseTitle: courses.title, taskId: learningTasks.id, taskTitle: learningTasks.title })
      .from(assignments)
      .innerJoin(learningTasks, eq(learningTasks.id, assignments.taskId))
      .innerJoin(courses, eq(courses.id, learningTasks.courseId))
      .where(gradedCourses(actor))
      .orderBy(asc(courses.title), asc(learningTasks.position), asc(learningTasks.title)),
  ]);

  const total = page[0]?.total ?? 0;
  const courseChoices = new Map<string, string>();
  for (const choice of choices) courseChoices.set(choice.courseId, choice.courseTitle);
  return {
    rows: page.map(({ total: _total, ...row }) => row),
    total,
    page: params.page,
    pageCount: pageCountOf(total, queuePageSize),
    courses: [...courseChoices].map(([id, title]) => ({ id, title })),
    assignments: choices.map((choice) => ({ id: choice.taskId, title: choice.taskTitle, courseId: choice.courseId })),
  };
}
