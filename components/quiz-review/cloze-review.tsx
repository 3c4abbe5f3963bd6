import type { DataReview } from "@/lib/quizzes/taking/data-review";
import { formatReviewPoints } from "./review-points";

/** Each blank: the answer given, what was accepted, and the points it earned. */
export function ClozeReview({ review }: { review: Extract<DataReview, { kind: "cloze" }> }) {
  return (
    <ul className="flex flex-col gap-2 text-sm" aria-label="Blanks">
      {review.blanks.map((blank) => {
        const full = blank.pointsAwarded >= blank.points;
        const tone = full ? "border-success-700/40 bg-success-50" : blank.pointsAwarded > 0 ? "border-warning-800/30 bg-warning-50" : "border-danger-600/40 bg-danger-50";
        return (
          <li key={blank.number} className={`grid gap-1 rounded-md border px-3 py-2 sm:grid-cols-[auto_1fr] sm:gap-x-4 ${tone}`}>
            <p className="font-semibold sm:col-span-2">
              Blank {blank.number} · {formatReviewPoints(blank.pointsAwarded)} / {blank.points} {blank.points === 1 ? "point" : "points"}
            </p>
            <p className="font-semibold">Answer given</p>
            <p className="break-words">{blank.given.trim() ? blank.given : <span className="text-ink-muted">No answer</span>}</p>
            <p className="font-semibold">{blank.kind === "dropdown" ? "Right option" : "Accepted answers"}</p>
            <p className="break-words">{blank.accepted.join(", ")}</p>
          </li>
        );
      })}
    </ul>
  );
}
