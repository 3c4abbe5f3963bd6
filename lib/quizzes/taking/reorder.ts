// Pure helpers of the ordering input, kept apart so they are tested without a browser.

/**
 * The order to show: the saved one when it names these items, each once, with
 * any item it lacks after it in the shown order. A saved order may be stale
 * (the question was edited) or hand-made through the API, and the list must
 * still hold every item exactly once.
 */
export function displayedOrder(shownIds: readonly string[], saved: readonly string[] | undefined): string[] {
  if (!saved) return [...shownIds];
  const known = new Set(shownIds);
  const kept = [...new Set(saved)].filter((id) => known.has(id));
  const keptSet = new Set(kept);
  return [...kept, ...shownIds.filter((id) => !keptSet.has(id))];
}

/** The order with the item at `from` moved to `to` (both 0-based, clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= items.length) return next;
  const target = Math.min(Math.max(to, 0), items.length - 1);
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved!);
  return next;
}

/**
 * Where a dragged item lands: the number of the other items whose middle lies
 * above the pointer. `middles` are those items' vertical middles, top to bottom.
 */
export function dropIndex(middles: readonly number[], pointerY: number): number {
  return middles.filter((middle) => middle < pointerY).length;
}
