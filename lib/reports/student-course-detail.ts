import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  courses,
  enrollments,
  learningTasks,
  lessonCompletions,
  lessons,
  modules,
  quizAttempts,
  submissions,
  taskOverrides,
  taskProgress,
  users,
} from "@/db/schema";
import type { CourseStatus, EnrollmentStatus, SubmissionGradeStatus, TaskProgressStatus } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";
import { dueAtOverriddenSql, effectiveDueAtSql } from "@/lib/sections/section-overrides-sql";
import { teachesStudent, teachesStudentSection } from "@/lib/sections/section-scope";
import { isUuid } from "@/lib/quizzes/taking/params";
import type { AttemptHistoryRow } from "@/lib/quizzes/taking/student-queries";
import { personName } from "@/lib/users/person-search";

// One student's record in one course: lessons done, quiz attempts and assignment
// hand-ins. The teacher's drill-down and the student's own course page read it
// through the same four statements; `viewer` decides what a row may carry. A
// student never receives a draft grade (not a grade until released) nor a score
// of an attempt still open: those are masked in the SQL, so they never leave the database.

export type DetailViewer = "teacher" | "student";

export interface DetailHeader {
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  courseStatus: CourseStatus;
  student: { id: string; name: string; email: string };
  enrollment: {
    status: EnrollmentStatus;
    progressPercent: number;
    enrolledAt: Date;
    completedAt: Date | null;
    lastActivityAt: Date;
  };
}

export interface DetailLesson {
  id: string;
  title: string;
  completedAt: Date | null;
}

export interface DetailModule {
  id: string;
  title: string;
  lessons: DetailLesson[];
}

/** A quiz attempt as the student's own attempt history shows it. */
export type DetailAttempt = AttemptHistoryRow;

export interface DetailQuiz {
  taskId: string;
  title: string;
  /** The student's due date: its own (an override), else its sections', else the quiz's. */
  dueAt: Date | null;
  dueAtOverridden: boolean;
  progressStatus: TaskProgressStatus | null;
  attempts: DetailAttempt[];
}

export interface DetailSubmission {
  id: string;
  version: number;
  submittedAt: Date;
  isLate: boolean;
  daysLate: number;
  /** For a student, a draft grade reads as "ungraded": it is not a grade until released. */
  gradeStatus: SubmissionGradeStatus;
  points: number | null;
  penaltyPercent: number | null;
  feedback: string | null;
}

export interface DetailAssignment {
  taskId: string;
  title: string;
  /** The student's due date: its own (an override) or the assignment's. */
  dueAt: Date | null;
  dueAtOverridden: boolean;
  maxPoints: number | null;
  submission: DetailSubmission | null;
}

export interface StudentCourseDetail {
  viewer: DetailViewer;
  header: DetailHeader;
  modules: DetailModule[];
  lessonCount: number;
  lessonsDone: number;
  quizzes: DetailQuiz[];
  assignments: DetailAssignment[];
}

// Tasks a student can have worked on: published ones, and archived ones kept for the record.
const visibleTask = inArray(learningTasks.status, ["published", "archived"]);

const headerColumns = {
  courseId: courses.id,
  courseSlug: courses.slug,
  courseTitle: courses.title,
  courseStatus: courses.status,
  courseTeacherId: courses.teacherId,
  courseVisibility: courses.visibility,
  studentId: users.id,
  studentName: personName,
  studentEmail: users.email,
  status: enrollments.status,
  progressPercent: enrollments.progressPercent,
  enrolledAt: enrollments.enrolledAt,
  completedAt: enrollments.completedAt,
  lastActivityAt: enrollments.lastActivityAt,
};

async function headerWhere(db: DbOrTx, where: SQL | undefined, teachesSection: SQL<boolean> = sql<boolean>`false`) {
  const [row] = await db
    .select({ ...headerColumns, teachesStudentSection: teachesSection })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(where)
    .limit(1);
  return row ?? null;
}

type HeaderRow = NonNullable<Awaited<ReturnType<typeof headerWhere>>>;

/**
 * The drill-down for a course's teacher or an admin: one enrolled student's
 * record, draft grades included. Null when the course is not the actor's, or
 * the student has no enrolment in it (any status: a dropped student's record stays readable).
 */
export async function loadStudentDetailForStaff(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  studentId: string,
): Promise<StudentCourseDetail | null> {
  if (!isUuid(courseId) || !isUuid(studentId)) return null;
  if (actor.role !== "teacher" && actor.role !== "admin") return null;
  const row = await headerWhere(
    db,
    and(
      eq(enrollments.courseId, courseId),
      eq(enrollments.userId, studentId),
      // The course's teacher, or a section teacher of this student (admins any).
      teachesStudent(actor, { courseId: courses.id, teacherId: courses.teacherId, userId: enrollments.userId }),
    ),
    teachesStudentSection(actor, courses.id, enrollments.userId),
  );
  if (!row) return null;
  const enrollment = { userId: row.studentId, courseTeacherId: row.courseTeacherId, actorTeachesStudentSection: row.teachesStudentSection };
  if (!can(actor, "enrollment.viewProgress", enrollment)) return null;
  return loadBody(db, row, "teacher");
}

/**
 * The acting student's own record in one of its courses, by slug. Null unless
 * the actor has an active or completed enrolment in that published or archived
 * course: the actor's id is in the WHERE, never an id from the request.
 */
export async function loadMyCourseDetail(db: DbOrTx, actor: Actor, slug: string): Promise<StudentCourseDetail | null> {
  if (actor.role !== "student" || slug.length === 0 || slug.length > 220) return null;
  const row = await headerWhere(
    db,
    and(
      eq(courses.slug, slug),
      eq(enrollments.userId, actor.id),
      inArray(enrollments.status, ["active", "completed"]),
      inArray(courses.status, ["published", "archived"]),
    ),
  );
  if (!row) return null;
  if (!can(actor, "enrollment.viewProgress", { userId: row.studentId, courseTeacherId: row.courseTeacherId })) return null;
  return loadBody(db, row, "student");
}

async function loadBody(db: DbOrTx, row: HeaderRow, viewer: DetailViewer): Promise<StudentCourseDetail> {
  const courseId = row.courseId;
  const studentId = row.studentId;
  const forStudent = viewer === "student";
  // One after the other, not in parallel: the caller may pass a transaction (one connection).
  const lessonRows = await db
    .select({
      moduleId: modules.id,
      moduleTitle: modules.title,
      lessonId: lessons.id,
      lessonTitle: lessons.title,
      completedAt: lessonCompletions.completedAt,
    })
    .from(modules)
    .leftJoin(lessons, eq(lessons.moduleId, modules.id))
    .leftJoin(lessonCompletions, and(eq(lessonCompletions.lessonId, lessons.id), eq(lessonCompletions.userId, studentId)))
    .where(eq(modules.courseId, courseId))
    .orderBy(asc(modules.position), asc(modules.id), asc(lessons.position), asc(lessons.id));

  // A draft grade is the grader's until released: for the student it reads as ungraded, without points or feedback.
  const released = sql`${submissions.gradeStatus} = 'released'`;
  const taskRows = await db
    .select({
      taskId: learningTasks.id,
      title: learningTasks.title,
      type: learningTasks.type,
      // The student's own due date, else its sections', else the task's (lib/sections/section-overrides.ts).
      dueAt: sql<Date | null>`${effectiveDueAtSql(taskOverrides.dueAt, learningTasks.id, studentId, learningTasks.dueAt)}`.mapWith(learningTasks.dueAt),
      dueAtOverridden: dueAtOverriddenSql(taskOverrides.dueAt, learningTasks.id, studentId),
      maxPoints: learningTasks.maxPoints,
      progressStatus: taskProgress.status,
      submissionId: submissions.id,
      version: submissions.version,
      submittedAt: submissions.submittedAt,
      isLate: submissions.isLate,
      daysLate: submissions.daysLate,
      gradeStatus: forStudent
        ? sql<SubmissionGradeStatus | null>`CASE WHEN ${submissions.gradeStatus} = 'draft' THEN 'ungraded' ELSE ${submissions.gradeStatus}::text END`
        : sql<SubmissionGradeStatus | null>`${submissions.gradeStatus}::text`,
      points: forStudent
        ? sql<number | null>`CASE WHEN ${released} THEN ${submissions.points} END`.mapWith(submissions.points)
        : submissions.points,
      penaltyPercent: forStudent
        ? sql<number | null>`CASE WHEN ${released} THEN ${submissions.penaltyPercent} END`.mapWith(submissions.penaltyPercent)
        : submissions.penaltyPercent,
      feedback: forStudent ? sql<string | null>`CASE WHEN ${released} THEN ${submissions.feedback} END` : submissions.feedback,
    })
    .from(learningTasks)
    .leftJoin(taskProgress, and(eq(taskProgress.taskId, learningTasks.id), eq(taskProgress.userId, studentId)))
    .leftJoin(submissions, and(eq(submissions.taskId, learningTasks.id), eq(submissions.userId, studentId), eq(submissions.isCurrent, true)))
    .leftJoin(taskOverrides, and(eq(taskOverrides.taskId, learningTasks.id), eq(taskOverrides.userId, studentId)))
    .where(and(eq(learningTasks.courseId, courseId), inArray(learningTasks.type, ["quiz", "assignment"]), visibleTask))
    .orderBy(asc(learningTasks.position), asc(learningTasks.title), asc(learningTasks.id));

  // An open attempt has no score yet; the student sees a score only once the attempt is closed.
  const closed = sql`${quizAttempts.status} <> 'in_progress'`;
  const attemptRows = await db
    .select({
      id: quizAttempts.id,
      taskId: quizAttempts.taskId,
      attemptNumber: quizAttempts.attemptNumber,
      status: quizAttempts.status,
      startedAt: quizAttempts.startedAt,
      submittedAt: quizAttempts.submittedAt,
      scorePoints: forStudent ? sql<number | null>`CASE WHEN ${closed} THEN ${quizAttempts.scorePoints} END`.mapWith(quizAttempts.scorePoints) : quizAttempts.scorePoints,
      maxPoints: quizAttempts.maxPoints,
      scorePercent: forStudent
        ? sql<number | null>`CASE WHEN ${closed} THEN ${quizAttempts.scorePercent} END`.mapWith(quizAttempts.scorePercent)
        : quizAttempts.scorePercent,
    })
    .from(quizAttempts)
    .innerJoin(learningTasks, eq(learningTasks.id, quizAttempts.taskId))
    .where(and(eq(quizAttempts.userId, studentId), eq(learningTasks.courseId, courseId), visibleTask))
    .orderBy(asc(quizAttempts.taskId), desc(quizAttempts.attemptNumber));

  return assemble(row, viewer, lessonRows, taskRows, attemptRows);
}

function assemble(
  row: HeaderRow,
  viewer: DetailViewer,
  lessonRows: { moduleId: string; moduleTitle: string; lessonId: string | null; lessonTitle: string | null; completedAt: Date | null }[],
  taskRows: {
    taskId: string;
    title: string;
    type: string;
    dueAt: Date | null;
    dueAtOverridden: boolean;
    maxPoints: number | null;
    progressStatus: TaskProgressStatus | null;
    submissionId: string | null;
    version: number | null;
    submittedAt: Date | null;
    isLate: boolean | null;
    daysLate: number | null;
    gradeStatus: SubmissionGradeStatus | null;
    points: number | null;
    penaltyPercent: number | null;
    feedback: string | null;
  }[],
  attemptRows: (DetailAttempt & { taskId: string })[],
): StudentCourseDetail {
  const moduleList: DetailModule[] = [];
  for (const lessonRow of lessonRows) {
    let current = moduleList.at(-1);
    if (!current || current.id !== lessonRow.moduleId) {
      current = { id: lessonRow.moduleId, title: lessonRow.moduleTitle, lessons: [] };
      moduleList.push(current);
    }
    if (lessonRow.lessonId && lessonRow.lessonTitle !== null)
      current.lessons.push({ id: lessonRow.lessonId, title: lessonRow.lessonTitle, completedAt: lessonRow.completedAt });
  }
  const allLessons = moduleList.flatMap((courseModule) => courseModule.lessons);

  const attemptsByTask = new Map<string, DetailAttempt[]>();
  for (const { taskId, ...attempt } of attemptRows) {
    const list = attemptsByTask.get(taskId) ?? [];
    list.push(attempt);
    attemptsByTask.set(taskId, list);
  }

  const quizzes: DetailQuiz[] = [];
  const assignmentList: DetailAssignment[] = [];
  for (const task of taskRows) {
    if (task.type === "quiz") {
      quizzes.push({
        taskId: task.taskId,
        title: task.title,
        dueAt: task.dueAt,
        dueAtOverridden: task.dueAtOverridden,
        progressStatus: task.progressStatus,
        attempts: attemptsByTask.get(task.taskId) ?? [],
      });
      continue;
    }
    assignmentList.push({
      taskId: task.taskId,
      title: task.title,
      dueAt: task.dueAt,
      dueAtOverridden: task.dueAtOverridden,
      maxPoints: task.maxPoints,
      submission:
        task.submissionId && task.version !== null && task.submittedAt && task.gradeStatus
          ? {
              id: task.submissionId,
              version: task.version,
              submittedAt: task.submittedAt,
              isLate: task.isLate ?? false,
              daysLate: task.daysLate ?? 0,
              gradeStatus: task.gradeStatus,
              points: task.points,
              penaltyPercent: task.penaltyPercent,
              feedback: task.feedback,
            }
          : null,
    });
  }

  return {
    viewer,
    header: {
      courseId: row.courseId,
      courseSlug: row.courseSlug,
      courseTitle: row.courseTitle,
      courseStatus: row.courseStatus,
      student: { id: row.studentId, name: row.studentName, email: row.studentEmail },
      enrollment: {
        status: row.status,
        progressPercent: row.progressPercent,
        enrolledAt: row.enrolledAt,
        completedAt: row.completedAt,
        lastActivityAt: row.lastActivityAt,
      },
    },
    modules: moduleList,
    lessonCount: allLessons.length,
    lessonsDone: allLessons.filter((lesson) => lesson.completedAt !== null).length,
    quizzes,
    assignments: assignmentList,
  };
}

export interface MyCourseRow {
  slug: string;
  title: string;
  subject: string;
  status: EnrollmentStatus;
  progressPercent: number;
  lastActivityAt: Date;
}

/** The acting student's courses it may still read (active or completed, in a published or archived course). One statement. */
export async function listMyCourses(db: DbOrTx, actor: Actor): Promise<MyCourseRow[]> {
  if (actor.role !== "student") return [];
  return db
    .select({
      slug: courses.slug,
      title: courses.title,
      subject: courses.subject,
      status: enrollments.status,
      progressPercent: enrollments.progressPercent,
      lastActivityAt: enrollments.lastActivityAt,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(
      and(
        eq(enrollments.userId, actor.id),
        inArray(enrollments.status, ["active", "completed"]),
        inArray(courses.status, ["published", "archived"]),
      ),
    )
    .orderBy(desc(enrollments.lastActivityAt), asc(courses.title));
}
