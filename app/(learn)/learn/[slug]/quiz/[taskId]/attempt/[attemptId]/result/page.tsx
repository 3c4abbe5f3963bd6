import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { attemptHref, quizHref } from "@/components/course/item-link";
import { QuestionReview } from "@/components/quiz-review/question-review";
import { AttemptsHistory } from "@/components/quiz-taking/attempts-history";
import { FocusHeading } from "@/components/quiz-taking/focus-heading";
import { formatDateTime, formatPoints } from "@/components/quiz-taking/format";
import { StartAttemptButton } from "@/components/quiz-taking/start-attempt-button";
import { formatPercent } from "@/lib/format";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { loadOwnPendingAttemptIds } from "@/lib/quizzes/grading/pending-attempts";
import { isUuid } from "@/lib/quizzes/taking/params";
import { loadAttemptResult } from "@/lib/quizzes/taking/student-queries";
import { LockedPanel } from "@/components/pacing/locked-panel";
import { lockedOr } from "@/lib/pacing/require-released";

interface Props {
  params: Promise<{ slug: string; taskId: string; attemptId: string }>;
}

async function load({ params }: Props, now: Date) {
  const { slug, taskId, attemptId } = await params;
  const user = await requireUser(`/learn/${slug}/quiz/${taskId}/attempt/${attemptId}/result`);
  if (!isUuid(taskId) || !isUuid(attemptId)) return { slug, lock: null, result: null };
  const { lock, value: result } = await lockedOr(loadAttemptResult(db, user, { slug, taskId, attemptId, now }));
  if (!result) return { slug, lock, result: null };
  return { slug, lock: null, result: { ...result, pendingAttemptIds: await loadOwnPendingAttemptIds(db, user, taskId) } };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { result } = await load(props, new Date());
  return { title: result ? `Result of attempt ${result.attempt.attemptNumber} · ${result.intro.quiz.title}` : "Attempt not found" };
}

// A submitted attempt: the score, the review as the quiz allows, the attempts so far and the next one.
export default async function AttemptResultPage(props: Props) {
  const now = new Date();
  const { slug: courseSlug, lock, result } = await load(props, now);
  if (lock) return <LockedPanel lock={lock} backHref={`/courses/${courseSlug}`} backLabel="Back to the course" />;
  if (!result) notFound();
  const { intro, attempt, review, questions, pendingAttemptIds } = result;
  const pending = pendingAttemptIds.has(attempt.id);
  const { quiz } = intro;
  const slug = quiz.courseSlug;
  if (attempt.status === "in_progress") redirect(attemptHref(slug, attempt.taskId, attempt.id));

  const autoSubmitted = attempt.deadlineAt !== null && attempt.submittedAt?.getTime() === attempt.deadlineAt.getTime();
  const nextNumber = Math.max(0, ...intro.attempts.map((row) => row.attemptNumber)) + 1;

  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm text-ink-muted">
          <Link href={`/courses/${slug}`} className="underline">
            {quiz.courseTitle}
          </Link>{" "}
          ·{" "}
          <Link href={quizHref(slug, quiz.taskId)} className="underline">
            {quiz.title}
          </Link>
        </p>
        <FocusHeading className="text-2xl font-bold">
          {quiz.title}: attempt {attempt.attemptNumber} result
        </FocusHeading>
      </header>

      <section aria-label="Score" className="flex flex-col gap-1 rounded-card border border-slate-200 bg-white p-4">
        <p className="text-3xl font-bold">{formatPercent(attempt.scorePercent ?? 0)}</p>
        <p className="font-semibold">
          {formatPoints(attempt.scorePoints ?? 0, attempt.maxPoints ?? intro.totalPoints)}
          {pending ? " so far" : ""}
        </p>
        {pending ? (
          <p role="status" className="rounded-md bg-warning-50 px-3 py-2 text-sm text-warning-800">
            Awaiting grading: your teacher grades the essays by hand. This score is provisional and counts only the questions graded so far.
          </p>
        ) : null}
        <p className="text-sm text-ink-muted">
          Submitted {formatDateTime(attempt.submittedAt)}
          {autoSubmitted ? " · submitted automatically when the time was up, with the answers saved before then" : ""}
        </p>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        {intro.openAttempt ? (
          <StartAttemptButton taskId={quiz.taskId} label={`Resume attempt ${intro.openAttempt.attemptNumber}`} />
        ) : intro.attemptsLeft !== 0 && !intro.dueOver ? (
          <StartAttemptButton taskId={quiz.taskId} label={`Start attempt ${nextNumber}`} />
        ) : null}
        <Link href={quizHref(slug, quiz.taskId)} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold">
          Back to the quiz
        </Link>
      </div>

      <section aria-labelledby="review-heading" className="flex flex-col gap-3">
        <h2 id="review-heading" className="text-lg font-semibold">
          Review
        </h2>
        {review.allowed ? (
          questions.map((question) => <QuestionReview key={question.id} question={question} />)
        ) : (
          <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">{review.notice}</p>
        )}
      </section>

      <section aria-labelledby="attempts-heading" className="flex flex-col gap-3">
        <h2 id="attempts-heading" className="text-lg font-semibold">
          Your attempts
        </h2>
        <AttemptsHistory slug={slug} taskId={quiz.taskId} attempts={intro.attempts} currentAttemptId={attempt.id} pendingAttemptIds={pendingAttemptIds} />
      </section>
    </article>
  );
}
