import { QuestionInlineMarkdown, QuestionMarkdown } from "@/components/content/question-markdown";
import type { ReviewQuestion } from "@/lib/quizzes/taking/attempt-review";

function verdict(question: ReviewQuestion): { text: string; tone: string } {
  if (!question.answered) return { text: "Not answered", tone: "bg-slate-100 text-ink" };
  if (question.isCorrect) return { text: "Correct", tone: "bg-success-50 text-success-700" };
  if ((question.pointsAwarded ?? 0) > 0) return { text: "Partly correct", tone: "bg-warning-50 text-warning-800" };
  return { text: "Incorrect", tone: "bg-danger-50 text-danger-700" };
}

const points = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, ""));

/**
 * One graded question of an attempt: the answer given, whether it was right,
 * the right answers and the explanation. Shown to whoever may review the
 * attempt (its student when the quiz allows, its teacher), so it says "the
 * answer given" rather than assuming who reads it.
 */
export function QuestionReview({ question }: { question: ReviewQuestion }) {
  const { text, tone } = verdict(question);
  const headingId = `review-${question.id}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          Question {question.number}
        </h3>
        <p className="flex items-center gap-2 text-sm">
          <span className={`rounded-full px-2 py-0.5 font-semibold ${tone}`}>{text}</span>
          <span>
            {points(question.pointsAwarded ?? 0)} / {question.points} {question.points === 1 ? "point" : "points"}
          </span>
        </p>
      </header>
      <QuestionMarkdown source={question.text} />

      {question.choices.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="Choices">
          {question.choices.map((choice) => (
            <li
              key={choice.id}
              className={`flex flex-wrap items-start justify-between gap-2 rounded-md border px-3 py-2 text-sm ${
                choice.isCorrect ? "border-success-700/40 bg-success-50" : choice.chosen ? "border-danger-600/40 bg-danger-50" : "border-slate-200"
              }`}
            >
              <span className="flex items-start gap-2">
                <span aria-hidden="true">{choice.chosen ? "●" : "○"}</span>
                <QuestionInlineMarkdown source={choice.text} />
              </span>
              <span className="flex gap-2 text-xs font-semibold">
                {choice.chosen ? <span>Answer given</span> : null}
                {choice.isCorrect ? <span className="text-success-700">Correct answer</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <dl className="grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
          <dt className="font-semibold">Answer given</dt>
          <dd>{question.typedAnswer?.trim() ? question.typedAnswer : <span className="text-ink-muted">No answer</span>}</dd>
          {question.type === "short_answer" ? (
            <>
              <dt className="font-semibold">Accepted answers</dt>
              <dd>{question.acceptedAnswers.join(", ")}</dd>
            </>
          ) : null}
          {question.type === "numeric" && question.numericValue !== null ? (
            <>
              <dt className="font-semibold">Correct answer</dt>
              <dd>
                {question.numericValue}
                {question.numericTolerance > 0 ? ` (± ${question.numericTolerance})` : ""}
              </dd>
            </>
          ) : null}
        </dl>
      )}

      {question.explanation.trim() ? (
        <div className="rounded-md bg-slate-50 p-3 text-sm">
          <p className="font-semibold">Explanation</p>
          <QuestionMarkdown source={question.explanation} />
        </div>
      ) : null}
    </section>
  );
}
