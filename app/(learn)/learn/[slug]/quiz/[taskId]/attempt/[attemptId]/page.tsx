import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { attemptHref, quizHref } from "@/components/course/item-link";
import { AttemptForm } from "@/components/quiz-taking/attempt-form";
import { buildAttemptQuestion } from "@/components/quiz-taking/build-attempt-question";
import { db } from "@/db";
import { requireUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/quizzes/taking/params";
import { loadStudentAttempt } from "@/lib/quizzes/taking/student-queries";
import { LockedPanel } from "@/components/pacing/locked-panel";
import { lockedOr } from "@/lib/pacing/require-released";

interface Props {
  params: Promise<{ slug: string; taskId: string; attemptId: string }>;
}

async function load({ params }: Props, now: Date) {
  const { slug, taskId, attemptId } = await params;
  const user = await requireUser(`/learn/${slug}/quiz/${taskId}/attempt/${attemptId}`);
  if (!isUuid(taskId) || !isUuid(attemptId)) return { slug, lock: null, view: null };
  const { lock, value: view } = await lockedOr(loadStudentAttempt(db, user, { slug, taskId, attemptId, now }));
  return { slug, lock, view };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { view } = await load(props, new Date());
  return { title: view ? `Attempt ${view.attempt.attemptNumber} · ${view.quizTitle}` : "Attempt not found" };
}

// The attempt being taken. Only the student's own open attempt; a closed one shows its result.
export default async function AttemptPage(props: Props) {
  // The server's "now", sent with the page: the countdown counts from it, not from the browser's clock.
  const now = new Date();
  const { slug: courseSlug, lock, view } = await load(props, now);
  if (lock) return <LockedPanel lock={lock} backHref={`/courses/${courseSlug}`} backLabel="Back to the course" />;
  if (!view) notFound();
  const { attempt } = view;
  const slug = attempt.courseSlug;
  if (attempt.status !== "in_progress") redirect(attemptHref(slug, attempt.taskId, attempt.id, "result"));

  // Built field by field: the texts a student may see, rendered here, and nothing else.
  const questions = view.questions.map(buildAttemptQuestion);

  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-ink-muted">
          <Link href={`/courses/${slug}`} className="underline">
            {view.courseTitle}
          </Link>{" "}
          ·{" "}
          <Link href={quizHref(slug, attempt.taskId)} className="underline">
            {view.quizTitle}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          {view.quizTitle}: attempt {attempt.attemptNumber}
        </h1>
        <p className="text-sm text-ink-muted">Your answers are saved as you go; you can leave and come back before the time is up.</p>
      </header>
      <AttemptForm
        attemptId={attempt.id}
        resultHref={attemptHref(slug, attempt.taskId, attempt.id, "result")}
        questions={questions}
        initialAnswers={view.answers}
        deadlineMs={attempt.deadlineAt ? attempt.deadlineAt.getTime() : null}
        serverNowMs={now.getTime()}
      />
    </article>
  );
}
