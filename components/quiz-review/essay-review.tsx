import { QuestionMarkdown } from "@/components/content/question-markdown";
import type { ReviewQuestion } from "@/lib/quizzes/taking/attempt-review";

/** The essay as written (Markdown, sanitised like every question text), the grading state and the teacher's comment. */
export function EssayReview({ question }: { question: ReviewQuestion }) {
  return (
    <div className="flex flex-col gap-3 text-sm">
      <section aria-label="Answer given" className="flex flex-col gap-1">
        <h4 className="font-semibold">Answer given</h4>
        {question.answered && question.typedAnswer ? (
          <QuestionMarkdown source={question.typedAnswer} className="rounded-md border border-slate-200 p-3" />
        ) : (
          <p className="text-ink-muted">No answer</p>
        )}
      </section>
      {question.pending ? <p className="rounded-md bg-warning-50 px-3 py-2 text-warning-800">Waiting for the teacher&apos;s grade.</p> : null}
      {question.graderComment.trim() ? (
        <section aria-label="Teacher's comment" className="flex flex-col gap-1 rounded-md bg-brand-50 p-3">
          <h4 className="font-semibold">Teacher&apos;s comment</h4>
          <QuestionMarkdown source={question.graderComment} />
        </section>
      ) : null}
    </div>
  );
}
