import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime, formatPoints, percentOrDash } from "@/components/quiz-results/format";
import { EssayGradingPanel } from "@/components/quiz-grading/essay-grading-panel";
import { QuestionReview } from "@/components/quiz-review/question-review";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { loadAttemptEssays } from "@/lib/quizzes/grading/essay-answers";
import { loadAttemptForTeacher } from "@/lib/quizzes/results-attempt";
import { closeExpiredAttempts } from "@/lib/quizzes/taking/close-expired-attempts";

export const metadata: Metadata = { title: "Quiz attempt" };

interface Props {
  params: Promise<{ courseId: string; taskId: string; attemptId: string }>;
}

// One student's attempt for the course's teacher or an admin: every answer, its grade, the right answers,
// and under each essay the form that grades it.
export default async function TeacherAttemptPage({ params }: Props) {
  const { courseId, taskId, attemptId } = await params;
  const resultsPath = `/teacher/courses/${encodeURIComponent(courseId)}/quizzes/${encodeURIComponent(taskId)}/results`;
  const user = await requireArea("area.teacher", `${resultsPath}/${encodeURIComponent(attemptId)}`);
  const now = new Date();
  let view = await loadAttemptForTeacher(db, user, { courseId, taskId, attemptId });
  if (!view) notFound();
  // An attempt whose time ran out is submitted first, as the minute sweep would.
  if (view.status === "in_progress" && view.deadlineAt && view.deadlineAt.getTime() <= now.getTime()) {
    await closeExpiredAttempts(db, { taskId });
    view = await loadAttemptForTeacher(db, user, { courseId, taskId, attemptId });
    if (!view) notFound();
  }
  const grading = await loadAttemptEssays(db, user, { courseId, taskId, attemptId });
  const pending = grading?.gradingPending === true;

  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={resultsPath} className="text-sm font-medium text-brand-700 underline">
          ← Back to the results of {view.quizTitle}
        </Link>
        <h1 className="text-2xl font-bold break-words">
          {view.studentName}: attempt {view.attemptNumber}
        </h1>
        <p className="text-ink-muted">
          {view.studentEmail} · {view.courseTitle}
        </p>
      </header>

      <section aria-label="Score" className="flex flex-col gap-1 rounded-card border border-slate-200 bg-white p-4">
        {view.questions ? (
          <>
            <p className="text-3xl font-bold">{percentOrDash(view.scorePercent)}</p>
            <p className="font-semibold">
              {view.scorePoints === null || view.maxPoints === null ? "Not graded yet" : `${formatPoints(view.scorePoints)} / ${view.maxPoints} points`}
              {pending ? " so far" : ""}
            </p>
            {pending ? (
              <p role="status" className="rounded-md bg-warning-50 px-3 py-2 text-sm text-warning-800">
                Awaiting grading: the score is provisional until every answered essay below has your score.
              </p>
            ) : null}
          </>
        ) : (
          <p className="font-semibold">In progress: the answers show here once the attempt is submitted.</p>
        )}
        <p className="text-sm text-ink-muted">
          Started {formatDateTime(view.startedAt)} · {view.submittedAt
            ? `submitted ${formatDateTime(view.submittedAt)}`
            : view.deadlineAt
              ? `time runs out ${formatDateTime(view.deadlineAt)}`
              : "not submitted yet"}
        </p>
      </section>

      {view.questions ? (
        <section aria-labelledby="answers-heading" className="flex flex-col gap-4">
          <h2 id="answers-heading" className="text-lg font-semibold">
            Answers
          </h2>
          {view.questions.map((question) => {
            const essay = grading?.essays.get(question.id);
            return (
              <div key={question.id} className="flex flex-col gap-3">
                <QuestionReview question={question} />
                {essay ? <EssayGradingPanel attemptId={view.id} essay={essay} closed={grading?.closed ?? false} /> : null}
              </div>
            );
          })}
        </section>
      ) : null}
    </article>
  );
}
