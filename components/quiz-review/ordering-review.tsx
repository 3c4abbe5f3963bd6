import { QuestionInlineMarkdown } from "@/components/content/question-markdown";
import type { DataReview } from "@/lib/quizzes/taking/data-review";
import { Mark } from "./mark";

/** The order given next to the right order; each item given in its right place is marked. */
export function OrderingReview({ review }: { review: Extract<DataReview, { kind: "ordering" }> }) {
  return (
    <div className="grid gap-4 text-sm sm:grid-cols-2">
      <section aria-label="Order given" className="flex flex-col gap-2">
        <h4 className="font-semibold">Order given</h4>
        {review.given.length === 0 ? (
          <p className="text-ink-muted">No answer</p>
        ) : (
          <ol className="flex flex-col gap-1">
            {review.given.map((item, index) => (
              <li
                key={item.id}
                className={`flex items-start justify-between gap-2 rounded-md border px-3 py-1.5 ${item.inPlace ? "border-success-700/40 bg-success-50" : "border-danger-600/40 bg-danger-50"}`}
              >
                <span>
                  {index + 1}. <QuestionInlineMarkdown source={item.text} />
                </span>
                <Mark right={item.inPlace} rightText="In place" wrongText="Out of place" />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-label="Right order" className="flex flex-col gap-2">
        <h4 className="font-semibold">Right order</h4>
        <ol className="flex flex-col gap-1">
          {review.right.map((item, index) => (
            <li key={item.id} className="rounded-md border border-slate-200 px-3 py-1.5">
              {index + 1}. <QuestionInlineMarkdown source={item.text} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
