import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Pagination } from "@/components/catalogue/pagination";
import { AttemptsFilters } from "@/components/quiz-results/attempts-filters";
import { AttemptsTable } from "@/components/quiz-results/attempts-table";
import { QuestionRates } from "@/components/quiz-results/question-rates";
import { ScoreDistribution } from "@/components/quiz-results/score-distribution";
import { SummaryTiles } from "@/components/quiz-results/summary-tiles";
import { toTableRows } from "@/components/quiz-results/to-table-rows";
import { countOf } from "@/components/ui/plural";
import { StatusBadge } from "@/components/ui/status-badge";
import { db } from "@/db";
import { requireArea } from "@/lib/auth/current-user";
import { attemptsHref, parseAttemptsQuery } from "@/lib/quizzes/results-params";
import { closeExpiredAttempts } from "@/lib/quizzes/taking/close-expired-attempts";
import { loadQuizResults } from "@/lib/quizzes/results-queries";
import { listSectionChoices, sectionOptions } from "@/lib/reports/section-choices";

export const metadata: Metadata = { title: "Quiz results" };

const gradingLabels = { highest: "highest attempt counts", latest: "latest attempt counts", average: "attempts averaged" } as const;

interface Props {
  params: Promise<{ courseId: string; taskId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The course's teacher or an admin, with a "Section" filter; a section teacher sees its sections' students'
// attempts only. Another teacher, a student and a missing quiz get "not found".
export default async function QuizResultsPage({ params, searchParams }: Props) {
  const { courseId, taskId } = await params;
  const basePath = `/teacher/courses/${encodeURIComponent(courseId)}/quizzes/${encodeURIComponent(taskId)}/results`;
  const user = await requireArea("area.teacher", basePath);
  const query = parseAttemptsQuery(await searchParams);
  let results = await loadQuizResults(db, user, { courseId, taskId }, query);
  if (!results) notFound();
  const sections = await listSectionChoices(db, user, results.quiz.courseId);
  // Attempts whose time ran out are submitted (as of their deadline) before the teacher reads the
  // figures, as the minute sweep would; only then, and only for who may read this quiz's results.
  if ((await closeExpiredAttempts(db, { taskId: results.quiz.taskId })).length > 0) {
    results = await loadQuizResults(db, user, { courseId, taskId }, query);
    if (!results) notFound();
  }
  const { quiz, summary, questions, attempts } = results;
  // A page past the end (an old link, a narrower filter) starts again at the first.
  if (attempts.rows.length === 0 && query.page > 1) redirect(attemptsHref(basePath, { ...query, page: 1 }));
  const filtered = query.q !== "" || query.status !== undefined || query.section !== undefined;

  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <Link href={`/teacher/courses/${quiz.courseId}`} className="text-sm font-medium text-brand-700 underline">
          ← Back to {quiz.courseTitle}
        </Link>
        <h1 className="text-2xl font-bold break-words">Results: {quiz.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-ink-muted">
          <StatusBadge status={quiz.status} />
          <span>
            {countOf(quiz.questionCount, "question")} · {countOf(quiz.maxPoints, "point")} ·{" "}
            {quiz.timeLimitMinutes ? `${quiz.timeLimitMinutes} min` : "no time limit"} ·{" "}
            {quiz.attemptsAllowed ? countOf(quiz.attemptsAllowed, "attempt") : "unlimited attempts"} ·{" "}
            {gradingLabels[quiz.gradingMethod]}
          </span>
        </p>
      </header>

      <SummaryTiles summary={summary} />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <ScoreDistribution distribution={summary.distribution} />
        <QuestionRates questions={questions} graded={summary.graded} />
      </div>

      <section aria-labelledby="results-attempts" className="flex flex-col gap-4">
        <h2 id="results-attempts" className="text-lg font-semibold">
          Attempts
        </h2>
        <AttemptsFilters key={attemptsHref(basePath, { ...query, page: 1 })} basePath={basePath} query={query} sections={sections.length > 0 ? sectionOptions(sections, false) : []} />
        <p className="font-medium" role="status">
          {filtered ? `${countOf(attempts.total, "attempt")} found` : countOf(attempts.total, "attempt")}
        </p>
        {attempts.rows.length === 0 ? (
          <p className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center text-ink-muted">
            {filtered ? "No attempt matches this search." : "Nobody has taken this quiz yet."}
          </p>
        ) : (
          <AttemptsTable rows={toTableRows(attempts.rows, basePath)} query={query} basePath={basePath} pageCount={attempts.pageCount} />
        )}
        <Pagination
          page={attempts.page}
          pageCount={attempts.pageCount}
          previousHref={attempts.page > 1 ? attemptsHref(basePath, { ...query, page: attempts.page - 1 }) : undefined}
          nextHref={attempts.page < attempts.pageCount ? attemptsHref(basePath, { ...query, page: attempts.page + 1 }) : undefined}
        />
      </section>
    </div>
  );
}
