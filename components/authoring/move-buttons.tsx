"use client";

import type { ShiftDirection } from "@/lib/authoring/schemas";

const buttonClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

/** Move up / Move down: the keyboard and screen reader way to reorder, besides dragging. */
export function MoveButtons({
  title,
  isFirst,
  isLast,
  disabled,
  onMove,
}: {
  title: string;
  isFirst: boolean;
  isLast: boolean;
  disabled: boolean;
  onMove: (direction: ShiftDirection) => void;
}) {
  return (
    <>
      <button type="button" className={buttonClass} disabled={disabled || isFirst} onClick={() => onMove("up")}>
        <span aria-hidden="true">↑ </span>Move<span className="sr-only"> {title}</span> up
      </button>
      <button type="button" className={buttonClass} disabled={disabled || isLast} onClick={() => onMove("down")}>
        <span aria-hidden="true">↓ </span>Move<span className="sr-only"> {title}</span> down
      </button>
    </>
  );
}
