import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/content/markdown";
import { AttemptsHistory } from "@/components/quiz-taking/attempts-history";
import { formatDateTime, formatPoints, gradingMethodText } from "@/components/quiz-taking/format";
import { StartAttemptButton } from "@/components/quiz-taking/start-attempt-button";
import { formatDuration, formatPercent } from "@/lib/format";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { loadOwnPendingAttemptIds } from "@/lib/quizzes/grading/pending-attempts";
import { isUuid } from "@/lib/quizzes/taking/params";
import { loadQuizIntro } from "@/lib/quizzes/taking/student-queries";
import { percentOf } from "@/lib/grading";
import { LockedPanel } from "@/components/pacing/locked-panel";
import { lockedOr } from "@/lib/pacing/require-released";

interface Props {
  params: Promise<{ slug: string; taskId: string }>;
}

async function load({ params }: Props) {
  const { slug, taskId } = await params;
  const user = await requireUser(`/learn/${slug}/quiz/${taskId}`);
  if (!isUuid(taskId)) return { slug, lock: null, intro: null };
  // A quiz not released to the student yet reads as locked, with why.
  const { lock, value: intro } = await lockedOr(loadQuizIntro(db, user, { slug, taskId }));
  if (!intro) return { slug, lock, intro: null };
  return { slug, lock: null, intro: { ...intro, pendingAttemptIds: await loadOwnPendingAttemptIds(db, user, taskId) } };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { intro, lock } = await load(props);
  return { title: intro ? `${intro.quiz.title} · ${intro.quiz.courseTitle}` : lock ? "Quiz locked" : "Quiz not found" };
}

// A quiz's intro for an enrolled student: what it asks, the student's attempts so far, Start or Resume.
export default async function QuizIntroPage(props: Props) {
  const { slug, lock, intro } = await load(props);
  if (lock) return <LockedPanel lock={lock} backHref={`/courses/${slug}`} backLabel="Back to the course" />;
  if (!intro) notFound();
  const { quiz, openAttempt } = intro;
  const nextNumber = Math.max(0, ...intro.attempts.map((attempt) => attempt.attemptNumber)) + 1;

  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm text-ink-muted">
          <Link href={`/courses/${quiz.courseSlug}`} className="underline">
            {quiz.courseTitle}
          </Link>{" "}
          · Quiz
        </p>
        <h1 className="text-2xl font-bold">{quiz.title}</h1>
      </header>
      {quiz.description ? <Markdown source={quiz.description} /> : null}

      <dl className="grid grid-cols-1 gap-3 rounded-card border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-ink-muted">Questions</dt>
          <dd className="font-semibold">
            {intro.questionCount} · {intro.totalPoints} {intro.totalPoints === 1 ? "point" : "points"}
          </dd>
        </div>
        <div>
          <dt className="text-ink-muted">Time limit</dt>
          <dd className="font-semibold">
            {quiz.timeLimitMinutes ? formatDuration(quiz.timeLimitMinutes) : "None"}
            {quiz.timeLimitOverridden ? " (your own)" : ""}
          </dd>
        </div>
        <div>
          <dt className="text-ink-muted">Attempts</dt>
          <dd className="font-semibold">
            {intro.attempts.length} used ·{" "}
            {intro.attemptsLeft === null ? "unlimited" : `${intro.attemptsLeft} left`}
            {quiz.attemptsOverridden ? " (your own allowance)" : ""}
            {quiz.attemptsAllowed !== null && quiz.attemptsAllowed > 1 ? ` (${gradingMethodText[quiz.gradingMethod]})` : ""}
          </dd>
        </div>
        <div>
          <dt className="text-ink-muted">Due</dt>
          <dd className="font-semibold">
            {quiz.dueAt ? formatDateTime(quiz.dueAt) : "No due date"}
            {quiz.dueAtOverridden ? " (extended)" : ""}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-ink-muted">Your score</dt>
          <dd className="font-semibold">
            {intro.bestScore
              ? `${formatPoints(intro.bestScore.points, intro.bestScore.maxPoints)} · ${formatPercent(percentOf(intro.bestScore.points, intro.bestScore.maxPoints))}`
              : "No score yet"}
            {intro.pendingAttemptIds.size > 0 ? (
              <span className="block text-sm font-normal text-warning-800">
                Provisional: your teacher has not graded every essay yet, so the score may still change.
              </span>
            ) : null}
          </dd>
        </div>
      </dl>

      {openAttempt ? (
        <StartAttemptButton taskId={quiz.taskId} label={`Resume attempt ${openAttempt.attemptNumber}`} />
      ) : intro.attemptsLeft === 0 ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">You have used every attempt at this quiz.</p>
      ) : intro.dueOver ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">This quiz was due already; it takes no new attempts.</p>
      ) : intro.questionCount === 0 ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">This quiz has no questions yet.</p>
      ) : (
        <div className="flex flex-col gap-2">
          {quiz.timeLimitMinutes ? (
            <p className="text-sm text-ink-muted">
              The clock starts when you press Start and keeps running if you leave the page. Answers are saved as you go.
            </p>
          ) : null}
          <StartAttemptButton taskId={quiz.taskId} label={`Start attempt ${nextNumber}`} />
        </div>
      )}

      <section aria-labelledby="attempts-heading" className="flex flex-col gap-3">
        <h2 id="attempts-heading" className="text-lg font-semibold">
          Your attempts
        </h2>
        <AttemptsHistory slug={quiz.courseSlug} taskId={quiz.taskId} attempts={intro.attempts} pendingAttemptIds={intro.pendingAttemptIds} />
      </section>
    </article>
  );
}
