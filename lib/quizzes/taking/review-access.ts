import type { ReviewPolicy } from "@/db/schema/enums";

export interface ReviewState {
  /** Whether the per-question review (answers, correct answers, explanations) may be shown now. */
  allowed: boolean;
  /** What to tell the student when it may not. */
  notice: string | null;
}

/**
 * Whether a closed attempt's review may be shown, by the quiz's policy. An
 * "after the due date" quiz without a due date never reaches it: nothing is
 * shown rather than too much. Pure, with `now` passed in.
 */
export function reviewAccess(
  policy: ReviewPolicy,
  { attemptClosed, dueAt, now }: { attemptClosed: boolean; dueAt: Date | null; now: Date },
): ReviewState {
  if (!attemptClosed) return { allowed: false, notice: "The review opens once this attempt is submitted." };
  switch (policy) {
    case "never":
      return { allowed: false, notice: "Your teacher shows only the score for this quiz." };
    case "after_submit":
      return { allowed: true, notice: null };
    case "after_due":
      if (dueAt && now.getTime() >= dueAt.getTime()) return { allowed: true, notice: null };
      return {
        allowed: false,
        notice: dueAt
          ? "The answers and explanations are shown after the due date."
          : "The answers and explanations are shown after the due date, which has not been set yet.",
      };
  }
}
