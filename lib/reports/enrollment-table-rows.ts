import type { EnrollmentStatus } from "@/db/schema/enums";
import { formatDate, formatPercent } from "@/lib/format";
import { atRiskReasons, isAtRisk } from "./at-risk";
import type { EnrollmentReportRow } from "./enrollment-report";

/** One enrolment as the table shows it: plain values, formatted on the server. */
export interface EnrollmentTableRow {
  id: string;
  /** The student's drill-down page in that course. */
  detailHref: string;
  studentName: string;
  studentEmail: string;
  courseTitle: string;
  teacherName: string;
  subject: string;
  status: EnrollmentStatus;
  progressPercent: number;
  progress: string;
  lessons: string;
  quizAverage: string;
  assignmentAverage: string;
  lastActivityIso: string;
  lastActivity: string;
  enrolledIso: string;
  enrolled: string;
  /** The at-risk reasons in words; empty when not at risk. */
  atRiskReasons: string[];
}

const percentOrDash = (value: number | null) => (value === null ? "—" : formatPercent(value));

/** The drill-down of one student in one course (the same for teachers and admins). */
export const studentProgressHref = (courseId: string, userId: string) => `/teacher/courses/${courseId}/progress/${userId}`;

/** A report row made ready for the client table: no Date objects, no ids beyond the links. */
export function toEnrollmentTableRow(row: EnrollmentReportRow): EnrollmentTableRow {
  return {
    id: row.enrollmentId,
    detailHref: studentProgressHref(row.courseId, row.userId),
    studentName: row.studentName,
    studentEmail: row.studentEmail,
    courseTitle: row.courseTitle,
    teacherName: row.teacherName,
    subject: row.subject,
    status: row.status,
    progressPercent: row.progressPercent,
    progress: formatPercent(row.progressPercent),
    lessons: `${row.lessonsDone} / ${row.lessonsTotal}`,
    quizAverage: percentOrDash(row.quizAverage),
    assignmentAverage: percentOrDash(row.assignmentAverage),
    lastActivityIso: row.lastActivityAt.toISOString(),
    lastActivity: formatDate(row.lastActivityAt),
    enrolledIso: row.enrolledAt.toISOString(),
    enrolled: formatDate(row.enrolledAt),
    atRiskReasons: isAtRisk(row.atRisk) ? atRiskReasons(row.atRisk) : [],
  };
}
