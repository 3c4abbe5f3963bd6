"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { ReactNode } from "react";
import { DragHandle } from "./drag-handle";

/**
 * A list item that can be dragged by its handle only (never by its text or
 * buttons), with the mouse, touch, or the keyboard (Space, arrows, Space).
 */
export function SortableItem({
  id,
  title,
  className = "",
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: (handle: ReactNode) => ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const handle = <DragHandle label={`Drag ${title}`} ref={setActivatorNodeRef} {...attributes} {...listeners} />;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`${className} ${isDragging ? "relative z-10 shadow-lg ring-2 ring-brand-500" : ""}`}
    >
      {children(handle)}
    </li>
  );
}
