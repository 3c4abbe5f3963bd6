import type { OrderingData } from "./types";

/**
 * Partial credit by position: the share of items at their right index. An
 * order that is not a permutation of the items (an id missing, repeated or
 * unknown) still earns the positions that hold the right id, no more.
 */
export function orderingShare(data: OrderingData, order: readonly (string | null)[]): number {
  if (data.itemIds.length === 0) return 0;
  const inPlace = data.itemIds.filter((id, index) => order[index] === id);
  return inPlace.length / data.itemIds.length;
}
