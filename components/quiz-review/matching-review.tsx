import { QuestionInlineMarkdown } from "@/components/content/question-markdown";
import type { DataReview } from "@/lib/quizzes/taking/data-review";
import { Mark } from "./mark";

/** Each prompt with the answer given and the right one, marked right or wrong. */
export function MatchingReview({ review }: { review: Extract<DataReview, { kind: "matching" }> }) {
  return (
    <ul className="flex flex-col gap-2" aria-label="Matches">
      {review.prompts.map((prompt) => (
        <li
          key={prompt.id}
          className={`flex flex-col gap-1 rounded-md border px-3 py-2 text-sm ${prompt.correct ? "border-success-700/40 bg-success-50" : "border-danger-600/40 bg-danger-50"}`}
        >
          <p className="flex flex-wrap items-start justify-between gap-2 font-semibold">
            <QuestionInlineMarkdown source={prompt.text} />
            <Mark right={prompt.correct} />
          </p>
          <p>
            Answer given: {prompt.givenAnswer === null ? <span className="text-ink-muted">none</span> : <QuestionInlineMarkdown source={prompt.givenAnswer} />}
          </p>
          {prompt.correct ? null : (
            <p>
              Right answer: <QuestionInlineMarkdown source={prompt.rightAnswer} />
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
