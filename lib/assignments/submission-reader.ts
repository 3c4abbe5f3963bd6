import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { courses, learningTasks, submissions, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { teachesStudent, teachesStudentSection } from "@/lib/sections/section-scope";
import { personName } from "@/lib/users/person-search";
import { gradeAsSeenBy, type GradeView } from "./grade-visibility";
import { loadSubmissionFiles, type VersionFile } from "./submission-versions";

export interface SubmissionReaderView {
  id: string;
  taskId: string;
  assignmentTitle: string;
  courseId: string;
  maxPoints: number | null;
  studentId: string;
  studentName: string;
  version: number;
  isCurrent: boolean;
  text: string;
  submittedAt: Date;
  isLate: boolean;
  daysLate: number;
  files: VersionFile[];
  grade: GradeView;
}

/**
 * One submission with its files, for its student (the grade only once
 * released, as the assignment page shows it) or the course's teacher or an
 * admin (all of it). Ownership is in the WHERE: another student's work, or
 * another teacher's course, reads as not found (null). Two statements.
 */
export async function loadSubmissionForReader(db: DbOrTx, actor: Actor, submissionId: string): Promise<SubmissionReaderView | null> {
  const [row] = await db
    .select({
      submission: submissions,
      assignmentTitle: learningTasks.title,
      maxPoints: learningTasks.maxPoints,
      courseId: courses.id,
      teacherId: courses.teacherId,
      studentName: personName,
      teachesStudentSection: teachesStudentSection(actor, courses.id, submissions.userId),
    })
    .from(submissions)
    .innerJoin(learningTasks, eq(learningTasks.id, submissions.taskId))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .innerJoin(users, eq(users.id, submissions.userId))
    .where(
      and(
        eq(submissions.id, submissionId),
        actor.role === "student"
          ? eq(submissions.userId, actor.id)
          : teachesStudent(actor, { courseId: courses.id, teacherId: courses.teacherId, userId: submissions.userId }),
      ),
    );
  if (!row) return null;
  const resource = { userId: row.submission.userId, courseTeacherId: row.teacherId, actorTeachesStudentSection: row.teachesStudentSection };
  if (!can(actor, "submission.view", resource)) return null;
  const { submission } = row;
  const files = await loadSubmissionFiles(db, [submission.id]);
  return {
    id: submission.id,
    taskId: submission.taskId,
    assignmentTitle: row.assignmentTitle,
    courseId: row.courseId,
    maxPoints: row.maxPoints,
    studentId: submission.userId,
    studentName: row.studentName,
    version: submission.version,
    isCurrent: submission.isCurrent,
    text: submission.text,
    submittedAt: submission.submittedAt,
    isLate: submission.isLate,
    daysLate: submission.daysLate,
    files: files.get(submission.id) ?? [],
    grade: gradeAsSeenBy(actor, submission),
  };
}
