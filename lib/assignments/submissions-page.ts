import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { submissions, users } from "@/db/schema";
import { afterCursor, cursorColumn, orderByKeys, type SortKey } from "@/lib/api/pagination";
import { can, type Actor } from "@/lib/auth/policy";
import { sectionFilter, visibleStudents } from "@/lib/sections/section-scope";
import { personName } from "@/lib/users/person-search";
import { loadAssignmentInCourse } from "./assignment-access";
import { gradeAsSeenBy, type GradeView } from "./grade-visibility";
import { studentReadsAssignment } from "./student-queries";
import { loadSubmissionFiles, type VersionFile } from "./submission-versions";

export interface SubmissionsPageQuery {
  cursor?: string;
  limit: number;
  /** "current": each student's latest version only; "all": every version. By default all for a student, current for graders. */
  versions?: "current" | "all";
  /** Graders only: one student's work. */
  studentId?: string;
  /** Graders only: the students of this section of the course (another course's section lists nothing). */
  sectionId?: string;
}

export interface SubmissionPageRow {
  id: string;
  taskId: string;
  studentId: string;
  studentName: string;
  version: number;
  isCurrent: boolean;
  submittedAt: Date;
  isLate: boolean;
  daysLate: number;
  textLength: number;
  files: VersionFile[];
  grade: GradeView;
  cursor: string[];
}

// Newest first: work handed in while a client pages through lands before its cursor, never shifting a page.
const keys: SortKey[] = [
  { expr: submissions.submittedAt, direction: "desc", cast: "timestamptz" },
  { expr: submissions.id, direction: "desc", cast: "uuid" },
];

/**
 * One keyset page (`limit + 1` rows) of an assignment's submissions with
 * their files: a student's own versions (as its assignment page lists them,
 * grades only once released), or every student's for the course's teacher or
 * an admin, draft grades included, and a section teacher's sections' students'
 * only. Null when the actor may not read them.
 * Two statements besides the access check: the page, and its files.
 */
export async function listSubmissionsAfter(
  db: DbOrTx,
  actor: Actor,
  taskId: string,
  query: SubmissionsPageQuery,
): Promise<SubmissionPageRow[] | null> {
  const target = await loadAssignmentInCourse(db, actor, taskId);
  const student = actor.role === "student";
  if (!target || !(student ? studentReadsAssignment(actor, target) : can(actor, "submission.grade", target.course))) return null;
  const owner = student ? actor.id : query.studentId;
  const versions = query.versions ?? (student ? "all" : "current");
  const rows = await db
    .select({
      id: submissions.id,
      taskId: submissions.taskId,
      studentId: submissions.userId,
      studentName: personName,
      version: submissions.version,
      isCurrent: submissions.isCurrent,
      submittedAt: submissions.submittedAt,
      isLate: submissions.isLate,
      daysLate: submissions.daysLate,
      textLength: sql<number>`char_length(${submissions.text})`.mapWith(Number),
      gradeStatus: submissions.gradeStatus,
      points: submissions.points,
      rawPoints: submissions.rawPoints,
      penaltyPercent: submissions.penaltyPercent,
      feedback: submissions.feedback,
      gradedAt: submissions.gradedAt,
      cursor: cursorColumn(keys),
    })
    .from(submissions)
    .innerJoin(users, eq(users.id, submissions.userId))
    .where(
      and(
        eq(submissions.taskId, taskId),
        owner === undefined ? undefined : eq(submissions.userId, owner),
        student ? undefined : visibleStudents(actor, target.course, submissions.userId),
        student ? undefined : sectionFilter(actor, query.sectionId, { courseId: target.course.id, userId: submissions.userId }),
        versions === "current" ? eq(submissions.isCurrent, true) : undefined,
        afterCursor(keys, query.cursor),
      ),
    )
    .orderBy(...orderByKeys(keys))
    .limit(query.limit + 1);
  const files = await loadSubmissionFiles(db, rows.map((row) => row.id));
  return rows.map(({ gradeStatus, points, rawPoints, penaltyPercent, feedback, gradedAt, ...row }) => ({
    ...row,
    files: files.get(row.id) ?? [],
    grade: gradeAsSeenBy(actor, { gradeStatus, points, rawPoints, penaltyPercent, feedback, gradedAt }),
  }));
}
