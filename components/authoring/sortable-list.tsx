"use client";

import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { ReactNode } from "react";
import { moveItem } from "@/lib/authoring/ordering";
import { dragInstructions, sortableAnnouncements } from "./sortable-announcements";

/**
 * A vertical list reordered by dragging its rows' handles, with the pointer or
 * the keyboard. `onReorder` gets the whole new order of ids.
 */
export function SortableList({
  id,
  ids,
  titleOf,
  noun,
  onReorder,
  children,
}: {
  /** Stable across server and browser renders, so accessibility ids match on hydration. */
  id: string;
  ids: string[];
  titleOf: (id: string) => string;
  noun: string;
  onReorder: (order: string[], movedId: string, toIndex: number) => void;
  children: ReactNode;
}) {
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a tap on the handle is not a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from === -1 || to === -1) return;
    onReorder(moveItem(ids, from, to), String(active.id), to);
  };

  return (
    <DndContext
      id={id}
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements: sortableAnnouncements(titleOf, ids, noun), screenReaderInstructions: dragInstructions }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}
