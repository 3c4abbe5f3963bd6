import { shareOfWeight } from "./shares";
import type { ClozeData, ClozeGap } from "./types";
import { bestNumericAnswerWeight, bestTextAnswerWeight } from "./weighted-answers";

// A gap worth a negative or non-numeric number of points is worth nothing.
const gapWorth = (gap: ClozeGap): number => (Number.isFinite(gap.points) ? Math.max(0, gap.points) : 0);

function gapWeight(gap: ClozeGap, typed: string): number | null {
  switch (gap.kind) {
    case "short_answer":
      return bestTextAnswerWeight(typed, gap.answers);
    case "numeric":
      return bestNumericAnswerWeight(typed, gap.answers);
    case "dropdown": {
      const picked = gap.options.filter((option) => option.id === typed).map((option) => option.weight);
      return picked.length > 0 ? Math.max(...picked) : null;
    }
    default: {
      const _unknown: never = gap;
      return null;
    }
  }
}

/**
 * The points each gap earns, by gap index: its points times the best weight
 * among the answers it matches (short answers compared as short answers are,
 * numbers within tolerance, a dropdown by the picked option's id), within
 * 0..points. A gap left blank or missing from the response earns nothing.
 */
export function clozeGapPoints(data: ClozeData, typed: readonly string[]): number[] {
  return data.gaps.map((gap, index) => gapWorth(gap) * shareOfWeight(gapWeight(gap, typed[index] ?? "") ?? 0));
}

/**
 * The question's share: the gaps' points earned over the gaps' points. The
 * question's points should be that sum; when the author's differ, the share
 * scales the gaps to the question's points.
 */
export function clozeShare(data: ClozeData, typed: readonly string[]): number {
  const possible = data.gaps.reduce((sum, gap) => sum + gapWorth(gap), 0);
  if (possible === 0) return 0;
  return clozeGapPoints(data, typed).reduce((sum, points) => sum + points, 0) / possible;
}
