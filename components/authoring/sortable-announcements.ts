import type { Announcements } from "@dnd-kit/core";

/**
 * What screen readers hear while a row is dragged: the row's title and its
 * place in the list, never dnd-kit's internal ids.
 */
export function sortableAnnouncements(titleOf: (id: string) => string, ids: readonly string[], noun: string): Announcements {
  const place = (id: string | number) => `position ${ids.indexOf(String(id)) + 1} of ${ids.length}`;
  return {
    onDragStart: ({ active }) => `Picked up ${noun} ${titleOf(String(active.id))}, at ${place(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${titleOf(String(active.id))} is over ${place(over.id)}.` : `${titleOf(String(active.id))} is not over the list.`,
    onDragEnd: ({ active, over }) =>
      over ? `${titleOf(String(active.id))} dropped at ${place(over.id)}.` : `${titleOf(String(active.id))} dropped where it was.`,
    onDragCancel: ({ active }) => `Moving ${titleOf(String(active.id))} cancelled; it is back where it was.`,
  };
}

/** Instructions read when a drag handle gets focus. */
export const dragInstructions = {
  draggable:
    "To reorder, press Space to pick this up, use the up and down arrow keys to move it, then Space to drop it or Escape to cancel. The Move up and Move down buttons do the same.",
};
