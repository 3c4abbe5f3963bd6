import type { ShiftDirection } from "./schemas";

// Pure list arithmetic shared by the editor (optimistic order while the server
// answers) and the server (the order it writes). Positions are always the
// indexes of these lists: 0..n-1, with no gaps.

/** A copy of `list` with the item at `from` moved to `to` (clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const result = [...list];
  if (from < 0 || from >= result.length) return result;
  const [item] = result.splice(from, 1);
  result.splice(Math.max(0, Math.min(to, result.length)), 0, item!);
  return result;
}

/** True when `proposed` is exactly `current` in some order: same ids, none missing, none added. */
export function isPermutationOf(current: readonly string[], proposed: readonly string[]): boolean {
  if (current.length !== proposed.length) return false;
  const remaining = new Set(current);
  for (const id of proposed) if (!remaining.delete(id)) return false;
  return remaining.size === 0;
}

/** The order after moving `id` one place up or down; unchanged at either end; null when absent. */
export function shiftedOrder(ids: readonly string[], id: string, direction: ShiftDirection): string[] | null {
  const index = ids.indexOf(id);
  if (index === -1) return null;
  return moveItem(ids, index, direction === "up" ? index - 1 : index + 1);
}

/** `id` removed from `source` and inserted into `target` at `index` (clamped). */
export function transferItem(source: readonly string[], target: readonly string[], id: string, index: number) {
  const from = source.filter((item) => item !== id);
  const to = target.filter((item) => item !== id);
  to.splice(Math.max(0, Math.min(index, to.length)), 0, id);
  return { source: from, target: to };
}
