import { QuestionInlineMarkdown } from "@/components/content/question-markdown";
import type { ReviewQuestion } from "@/lib/quizzes/taking/attempt-review";

/** Single choice, multiple choice and true/false: every choice, the ones picked and the right ones. */
export function ChoicesReview({ question }: { question: ReviewQuestion }) {
  return (
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
  );
}

/** Short answer and numeric: what was typed beside what is accepted, partly right answers and other values with their marks. */
export function TypedReview({ question }: { question: ReviewQuestion }) {
  return (
    <dl className="grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
      <dt className="font-semibold">Answer given</dt>
      <dd>{question.typedAnswer?.trim() ? question.typedAnswer : <span className="text-ink-muted">No answer</span>}</dd>
      {question.type === "short_answer" ? (
        <>
          <dt className="font-semibold">Accepted answers</dt>
          <dd>{question.acceptedAnswers.join(", ")}</dd>
        </>
      ) : null}
      {question.type === "short_answer" && question.partialAnswers.length > 0 ? (
        <>
          <dt className="font-semibold">Partly right</dt>
          <dd>{question.partialAnswers.map((answer) => `${answer.text} (${answer.weight}%)`).join(", ")}</dd>
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
      {question.type === "numeric" && question.otherNumericAnswers.length > 0 ? (
        <>
          <dt className="font-semibold">Also accepted</dt>
          <dd>{question.otherNumericAnswers.map((other) => `${other.value} (± ${other.tolerance}) for ${other.weight}%`).join(", ")}</dd>
        </>
      ) : null}
    </dl>
  );
}
