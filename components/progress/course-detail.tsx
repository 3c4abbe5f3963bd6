import Link from "next/link";
import { formatDate, formatPercent } from "@/lib/format";
import { LocalTime } from "@/components/ui/local-time";
import { countOf } from "@/components/ui/plural";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatCard } from "@/components/ui/stat-card";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableContainer } from "@/components/ui/table-container";
import type { SubmissionGradeStatus } from "@/db/schema/enums";
import type { DetailAssignment, DetailAttempt, DetailQuiz, StudentCourseDetail } from "@/lib/reports/student-course-detail";

// One student's record in one course, shown to its teacher (drill-down) and to
// the student itself (My progress → a course). The loader decides what the
// rows carry; this only decides where each one links.

const gradeLabels: Record<SubmissionGradeStatus, string> = {
  ungraded: "Awaiting a grade",
  draft: "Draft grade (not released)",
  released: "Released",
  returned: "Returned for another version",
};

const attemptLabels: Record<DetailAttempt["status"], string> = {
  in_progress: "In progress",
  submitted: "Submitted",
  expired: "Expired",
};

const th = "px-4 py-3 font-semibold";
const td = "px-4 py-3";

const formatPoints = (points: number | null, maxPoints: number | null) =>
  points === null ? "—" : maxPoints === null ? `${points}` : `${points} / ${maxPoints}`;

export function CourseDetail({ detail }: { detail: StudentCourseDetail }) {
  const { header } = detail;
  const { enrollment } = header;
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="detail-summary">
        <h2 id="detail-summary" className="sr-only">
          Summary
        </h2>
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <div className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-ink-muted">Enrolment</dt>
            <dd className="mt-2">
              <StatusBadge status={enrollment.status} />
            </dd>
          </div>
          <div className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-ink-muted">Progress</dt>
            <dd className="mt-1 text-2xl font-bold">{formatPercent(enrollment.progressPercent)}</dd>
            <dd className="mt-2">
              <ProgressBar percent={enrollment.progressPercent} label={`Progress in ${header.courseTitle}`} />
            </dd>
          </div>
          <StatCard label="Lessons done" value={`${detail.lessonsDone} of ${detail.lessonCount}`} />
          <div className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-ink-muted">Enrolled</dt>
            <dd className="mt-1 font-semibold">{formatDate(enrollment.enrolledAt)}</dd>
            <dt className="mt-2 text-sm text-ink-muted">Last activity</dt>
            <dd className="mt-1 font-semibold">
              <LocalTime value={enrollment.lastActivityAt} />
            </dd>
            {enrollment.completedAt ? (
              <>
                <dt className="mt-2 text-sm text-ink-muted">Completed</dt>
                <dd className="mt-1 font-semibold">{formatDate(enrollment.completedAt)}</dd>
              </>
            ) : null}
          </div>
        </dl>
      </section>

      <LessonsSection detail={detail} />
      <QuizzesSection detail={detail} />
      <AssignmentsSection detail={detail} />
    </div>
  );
}

function LessonsSection({ detail }: { detail: StudentCourseDetail }) {
  return (
    <section aria-labelledby="detail-lessons">
      <h2 id="detail-lessons" className="mb-3 text-lg font-semibold">
        Lessons
      </h2>
      {detail.modules.length === 0 ? <p className="text-ink-muted">This course has no lessons yet.</p> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {detail.modules.map((courseModule, index) => {
          const done = courseModule.lessons.filter((lesson) => lesson.completedAt !== null).length;
          const headingId = `detail-module-${index}`;
          return (
            <div key={courseModule.id} className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
              <h3 id={headingId} className="font-semibold">
                {courseModule.title}
              </h3>
              <p className="text-sm text-ink-muted">
                {done} of {countOf(courseModule.lessons.length, "lesson")} done
              </p>
              {courseModule.lessons.length > 0 ? (
                <ul aria-labelledby={headingId} className="mt-2 divide-y divide-slate-100 text-sm">
                  {courseModule.lessons.map((lesson) => (
                    <li key={lesson.id} className="flex flex-wrap justify-between gap-2 py-2">
                      {detail.viewer === "student" ? (
                        <Link href={`/learn/${detail.header.courseSlug}/${lesson.id}`} className="font-medium text-brand-700 underline">
                          {lesson.title}
                        </Link>
                      ) : (
                        <span className="font-medium">{lesson.title}</span>
                      )}
                      {lesson.completedAt ? (
                        <span className="text-success-700">
                          Done <span className="text-ink-muted">· {formatDate(lesson.completedAt)}</span>
                        </span>
                      ) : (
                        <span className="text-ink-muted">Not done</span>
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}

function QuizzesSection({ detail }: { detail: StudentCourseDetail }) {
  return (
    <section aria-labelledby="detail-quizzes">
      <h2 id="detail-quizzes" className="mb-3 text-lg font-semibold">
        Quiz attempts
      </h2>
      {detail.quizzes.length === 0 ? <p className="text-ink-muted">This course has no quizzes.</p> : null}
      <div className="flex flex-col gap-4">
        {detail.quizzes.map((quiz) => (
          <QuizAttempts key={quiz.taskId} detail={detail} quiz={quiz} />
        ))}
      </div>
    </section>
  );
}

function QuizAttempts({ detail, quiz }: { detail: StudentCourseDetail; quiz: DetailQuiz }) {
  const isStaff = detail.viewer === "teacher";
  const reviewHref = (attemptId: string) =>
    isStaff
      ? `/teacher/courses/${detail.header.courseId}/quizzes/${quiz.taskId}/results/${attemptId}`
      : `/learn/${detail.header.courseSlug}/quiz/${quiz.taskId}`;
  return (
    <div>
      <h3 className="mb-2 font-semibold">
        {quiz.title}
        {quiz.dueAt ? (
          <span className="ml-2 text-sm font-normal text-ink-muted">
            Due {formatDate(quiz.dueAt)}
            {quiz.dueAtOverridden ? " (extended)" : ""}
          </span>
        ) : null}
      </h3>
      {quiz.attempts.length === 0 ? (
        <p className="text-sm text-ink-muted">No attempts yet.</p>
      ) : (
        <TableContainer label={`Attempts at ${quiz.title}`}>
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
              <tr>
                <th scope="col" className={th}>Attempt</th>
                <th scope="col" className={th}>Status</th>
                <th scope="col" className={th}>Score</th>
                <th scope="col" className={th}>Submitted</th>
                <th scope="col" className={th}>{isStaff ? "Review" : "Quiz"}</th>
              </tr>
            </thead>
            <tbody>
              {quiz.attempts.map((attempt) => (
                <tr key={attempt.id} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className={`${td} font-medium`}>
                    Attempt {attempt.attemptNumber}
                  </th>
                  <td className={td}>{attemptLabels[attempt.status]}</td>
                  <td className={td}>
                    {attempt.status !== "in_progress" && attempt.scorePercent !== null
                      ? `${formatPercent(attempt.scorePercent)} (${formatPoints(attempt.scorePoints, attempt.maxPoints)})`
                      : "—"}
                  </td>
                  <td className={td}>{attempt.submittedAt ? <LocalTime value={attempt.submittedAt} /> : "—"}</td>
                  <td className={td}>
                    {attempt.status !== "in_progress" || !isStaff ? (
                      <Link href={reviewHref(attempt.id)} className="font-semibold text-brand-700 underline">
                        {isStaff ? <>Open attempt {attempt.attemptNumber}</> : <>Open the quiz</>}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
    </div>
  );
}

function AssignmentsSection({ detail }: { detail: StudentCourseDetail }) {
  const isStaff = detail.viewer === "teacher";
  return (
    <section aria-labelledby="detail-assignments">
      <h2 id="detail-assignments" className="mb-3 text-lg font-semibold">
        {isStaff ? "Assignments" : "Assignments and grades"}
      </h2>
      {detail.assignments.length === 0 ? (
        <p className="text-ink-muted">This course has no assignments.</p>
      ) : (
        <TableContainer label="Assignment hand-ins">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-ink-muted">
              <tr>
                <th scope="col" className={th}>Assignment</th>
                <th scope="col" className={th}>Submitted</th>
                <th scope="col" className={th}>Late</th>
                <th scope="col" className={th}>Grade</th>
                <th scope="col" className={th}>Points</th>
                <th scope="col" className={th}>{isStaff ? "Grading" : "Assignment"}</th>
              </tr>
            </thead>
            <tbody>
              {detail.assignments.map((assignment) => (
                <AssignmentRow key={assignment.taskId} detail={detail} assignment={assignment} />
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
    </section>
  );
}

function AssignmentRow({ detail, assignment }: { detail: StudentCourseDetail; assignment: DetailAssignment }) {
  const isStaff = detail.viewer === "teacher";
  const submission = assignment.submission;
  return (
    <tr className="border-b border-slate-100 last:border-0 align-top">
      <th scope="row" className={`${td} font-medium`}>
        {assignment.title}
        {assignment.dueAt ? (
          <span className="block text-xs font-normal text-ink-muted">
            Due {formatDate(assignment.dueAt)}
            {assignment.dueAtOverridden ? " (extended)" : ""}
          </span>
        ) : null}
      </th>
      <td className={td}>
        {submission ? (
          <>
            <LocalTime value={submission.submittedAt} />
            <span className="block text-xs text-ink-muted">Version {submission.version}</span>
          </>
        ) : (
          "Not submitted"
        )}
      </td>
      <td className={td}>{submission ? (submission.isLate ? `Late (${countOf(submission.daysLate, "day")})` : "On time") : "—"}</td>
      <td className={td}>
        {submission ? gradeLabels[submission.gradeStatus] : "—"}
        {submission?.feedback ? <span className="mt-1 block whitespace-pre-line text-xs text-ink-muted">{submission.feedback}</span> : null}
      </td>
      <td className={td}>
        {submission ? formatPoints(submission.points, assignment.maxPoints) : "—"}
        {submission?.penaltyPercent ? <span className="block text-xs text-ink-muted">−{formatPercent(submission.penaltyPercent)} late penalty</span> : null}
      </td>
      <td className={td}>
        {isStaff ? (
          submission ? (
            <Link href={`/teacher/grading/${submission.id}`} className="font-semibold text-brand-700 underline">
              Grade {assignment.title}
            </Link>
          ) : (
            "—"
          )
        ) : (
          <Link href={`/learn/${detail.header.courseSlug}/assignment/${assignment.taskId}`} className="font-semibold text-brand-700 underline">
            Open {assignment.title}
          </Link>
        )}
      </td>
    </tr>
  );
}
