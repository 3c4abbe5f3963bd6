import type { ReactNode } from "react";
import { QuestionMarkdown } from "@/components/content/question-markdown";
import { clozeTextWithBlanks } from "@/lib/quizzes/cloze-text";
import type { ReviewQuestion } from "@/lib/quizzes/taking/attempt-review";
import { ChoicesReview, TypedReview } from "./choice-review";
import { ClozeReview } from "./cloze-review";
import { EssayReview } from "./essay-review";
import { MatchingReview } from "./matching-review";
import { OrderingReview } from "./ordering-review";
import { formatReviewPoints as points } from "./review-points";

function verdict(question: ReviewQuestion): { text: string; tone: string } {
  if (!question.answered) return { text: "Not answered", tone: "bg-slate-100 text-ink" };
  if (question.pending) return { text: "Awaiting grading", tone: "bg-warning-50 text-warning-800" };
  if (question.isCorrect) return { text: "Correct", tone: "bg-success-50 text-success-700" };
  if ((question.pointsAwarded ?? 0) > 0) return { text: "Partly correct", tone: "bg-warning-50 text-warning-800" };
  return { text: "Incorrect", tone: "bg-danger-50 text-danger-700" };
}

/** The answer part of the review, by the question's type. */
function answerReview(question: ReviewQuestion): ReactNode {
  if (question.type === "essay") return <EssayReview question={question} />;
  switch (question.dataReview?.kind) {
    case "matching":
      return <MatchingReview review={question.dataReview} />;
    case "ordering":
      return <OrderingReview review={question.dataReview} />;
    case "cloze":
      return <ClozeReview review={question.dataReview} />;
    default:
      break;
  }
  if (question.type === "matching" || question.type === "ordering" || question.type === "cloze") {
    return <p className="text-sm text-ink-muted">This question&apos;s content is incomplete, so there is nothing to compare the answer with.</p>;
  }
  return question.choices.length > 0 ? <ChoicesReview question={question} /> : <TypedReview question={question} />;
}

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
            {question.pending ? "out of " : `${points(question.pointsAwarded ?? 0)} / `}
            {question.points} {question.points === 1 ? "point" : "points"}
          </span>
        </p>
      </header>
      {/* A cloze text's markers name the blanks listed below it. */}
      <QuestionMarkdown source={question.type === "cloze" ? clozeTextWithBlanks(question.text) : question.text} />

      {answerReview(question)}

      {question.explanation.trim() ? (
        <div className="rounded-md bg-slate-50 p-3 text-sm">
          <p className="font-semibold">Explanation</p>
          <QuestionMarkdown source={question.explanation} />
        </div>
      ) : null}
    </section>
  );
}
