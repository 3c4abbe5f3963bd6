/**
 * A weight in percent as a share of the points, 0..1: a penalty (below 0)
 * takes the question down to nothing, never below; more than 100 is full marks.
 * A weight that is not a number gives nothing.
 */
export const shareOfWeight = (weight: number): number =>
  Number.isFinite(weight) ? Math.min(1, Math.max(0, weight / 100)) : 0;

// Moodle's thresholds for "right" and "wrong": weights such as 33.33333 × 3 sum
// to 99.99999, which is full marks as the author meant it, not a partial answer.
const nearlyNothing = 0.000001;
const nearlyAll = 0.999999;

/** A share clamped to 0..1, with floating-point near misses of 0 and 1 taken as 0 and 1. */
export function settleShare(share: number): number {
  if (!Number.isFinite(share) || share < nearlyNothing) return 0;
  if (share > nearlyAll) return 1;
  return share;
}
