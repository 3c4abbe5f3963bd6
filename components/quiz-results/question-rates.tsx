import { QuestionMarkdown } from "@/components/content/question-markdown";
import type { QuestionType } from "@/db/schema/enums";
import type { QuestionRate } from "@/lib/quizzes/results-queries";
import { questionTypeLabels } from "@/lib/quizzes/authoring/schemas";
import { percentOrDash } from "./format";

const typeLabels: Record<QuestionType, string> = questionTypeLabels;

/** How each question went over the graded attempts: correct, partly correct, answered, unanswered. */
export function QuestionRates({ questions, graded }: { questions: QuestionRate[]; graded: number }) {
  return (
    <section aria-labelledby="results-questions">
      <h2 id="results-questions" className="mb-3 text-lg font-semibold">
        Questions
      </h2>
      {questions.length === 0 ? (
        <p className="text-ink-muted">This quiz has no questions yet.</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {questions.map((question, index) => (
            <li key={question.id} className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
              <p className="text-sm text-ink-muted">
                Question {index + 1} · {typeLabels[question.type]} · {question.points} {question.points === 1 ? "point" : "points"}
              </p>
              {/* Question text is Markdown, as the student sees it; rendered sanitised. */}
              <QuestionMarkdown source={question.text} className="mt-1 font-medium break-words" />
              <div aria-hidden="true" className="mt-3 h-2 overflow-hidden rounded-full bg-slate-200">
                <div className="h-full rounded-full bg-success-700" style={{ width: `${question.correctPercent ?? 0}%` }} />
              </div>
              <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5">
                <div>
                  <dt className="text-ink-muted">Correct rate</dt>
                  <dd className="font-semibold">{percentOrDash(question.correctPercent)}</dd>
                </div>
                <div>
                  <dt className="text-ink-muted">Correct</dt>
                  <dd>
                    {question.correct} of {graded}
                  </dd>
                </div>
                <div>
                  <dt className="text-ink-muted">Partly correct</dt>
                  <dd>{question.partlyCorrect}</dd>
                </div>
                <div>
                  <dt className="text-ink-muted">Answered</dt>
                  <dd>{question.answered}</dd>
                </div>
                <div>
                  <dt className="text-ink-muted">Unanswered</dt>
                  <dd>{question.unanswered}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
