"use client";

import { useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { Button } from "@/components/ui/button";
import { displayedOrder, dropIndex, moveItem } from "@/lib/quizzes/taking/reorder";
import type { KindInputProps } from "./attempt-question";

type Direction = "up" | "down";

// A plain button styled as the secondary Button: the focus handling needs its element.
const moveButton =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-xs font-semibold text-ink hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

/**
 * A list to put in order. The Move up / Move down buttons are the keyboard
 * and screen reader path (focus stays on the moved item, a live region says
 * where it went); dragging the handle is the pointer path, with pointer events
 * so that it works with a finger as well as a mouse. Every change saves the
 * whole order; "Keep this order" answers with the order as shown.
 */
export function OrderingInput({
  header,
  promptId,
  data,
  value,
  disabled,
  onChange,
  onBlur,
}: KindInputProps<"ordering">) {
  const saved = value && "order" in value ? value.order : undefined;
  const order = displayedOrder(
    data.items.map((item) => item.id),
    saved,
  );
  const itemOf = new Map(data.items.map((item) => [item.id, item]));
  const [announcement, setAnnouncement] = useState("");
  const [drag, setDrag] = useState<{ id: string; draft: string[] } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterMove = useRef<{ id: string; direction: Direction } | null>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());

  // After a move the item's row is elsewhere: put focus back on its button, or
  // on the other one when it reached an end and that button is now disabled.
  useLayoutEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const other: Direction = target.direction === "up" ? "down" : "up";
    const button = [target.direction, other].map((direction) => buttons.current.get(`${target.id}:${direction}`)).find((element) => element && !element.disabled);
    button?.focus();
  });

  const commit = (next: string[], movedId: string) => {
    const item = itemOf.get(movedId);
    onChange({ order: next });
    setAnnouncement(`${item?.text ?? "Item"} moved to position ${next.indexOf(movedId) + 1} of ${next.length}.`);
  };

  const move = (id: string, direction: Direction) => {
    const from = order.indexOf(id);
    const next = moveItem(order, from, direction === "up" ? from - 1 : from + 1);
    focusAfterMove.current = { id, direction };
    commit(next, id);
  };

  const startDrag = (event: ReactPointerEvent<HTMLElement>, id: string) => {
    if (disabled || (event.pointerType === "mouse" && event.button !== 0)) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ id, draft: order });
  };

  const moveDrag = (event: ReactPointerEvent<HTMLElement>) => {
    if (!drag) return;
    const others = drag.draft.filter((id) => id !== drag.id);
    const middles = others.map((id) => {
      const rect = rows.current.get(id)?.getBoundingClientRect();
      return rect ? rect.top + rect.height / 2 : 0;
    });
    const target = dropIndex(middles, event.clientY);
    const next = [...others.slice(0, target), drag.id, ...others.slice(target)];
    if (next.some((id, index) => id !== drag.draft[index])) setDrag({ id: drag.id, draft: next });
  };

  const endDrag = (cancelled: boolean) => {
    if (!drag) return;
    const { id, draft } = drag;
    setDrag(null);
    if (!cancelled && draft.some((itemId, index) => itemId !== order[index])) commit(draft, id);
  };

  // While dragging, the rows keep their place in the DOM and only their CSS
  // `order` follows the draft: a moved node would lose the pointer capture.
  const shown = drag?.draft ?? order;
  return (
    <fieldset aria-labelledby={promptId} className="flex flex-col gap-3" onBlur={onBlur}>
      {header}
      <p className="text-sm text-ink-muted">Put the items in the right order: drag an item by its handle, or use its Move up and Move down buttons.</p>
      <ol className="flex flex-col gap-2" aria-label="Items in your order">
        {order.map((id) => {
          const item = itemOf.get(id);
          if (!item) return null;
          const index = shown.indexOf(id);
          const dragging = drag?.id === id;
          return (
            <li
              key={id}
              ref={(element) => {
                if (element) rows.current.set(id, element);
                else rows.current.delete(id);
              }}
              style={drag ? { order: index } : undefined}
              className={`flex flex-wrap items-center gap-2 rounded-md border px-2 py-2 ${dragging ? "border-brand-600 bg-brand-50 shadow" : "border-slate-200 bg-white"}`}
            >
              {/* Hidden from assistive technology: the buttons do the same from the keyboard. */}
              <span
                aria-hidden="true"
                title="Drag to move"
                onPointerDown={(event) => startDrag(event, id)}
                onPointerMove={moveDrag}
                onPointerUp={() => endDrag(false)}
                onPointerCancel={() => endDrag(true)}
                className={`flex h-9 w-7 shrink-0 touch-none items-center justify-center rounded text-lg text-ink-muted select-none ${disabled ? "" : "cursor-grab hover:bg-slate-100"}`}
              >
                ⠿
              </span>
              <span className="w-6 shrink-0 text-right text-sm font-semibold tabular-nums">{index + 1}.</span>
              <span className="min-w-0 flex-1 break-words">{item.label}</span>
              <span className="ml-auto flex gap-2">
                {(["up", "down"] as const).map((direction) => (
                  <button
                    key={direction}
                    type="button"
                    className={moveButton}
                    ref={(element) => {
                      if (element) buttons.current.set(`${id}:${direction}`, element);
                      else buttons.current.delete(`${id}:${direction}`);
                    }}
                    disabled={disabled || (direction === "up" ? index === 0 : index === shown.length - 1)}
                    onClick={() => move(id, direction)}
                    aria-label={`Move ${direction}: ${item.text}`}
                  >
                    Move {direction}
                  </button>
                ))}
              </span>
            </li>
          );
        })}
      </ol>
      {saved === undefined ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="button"
            variant="secondary"
            disabled={disabled}
            onClick={() => {
              onChange({ order });
              setAnnouncement("The order as shown is your answer.");
            }}
          >
            Keep this order
          </Button>
          <span className="text-sm text-ink-muted">Not answered yet: move an item, or keep the order as it is.</span>
        </div>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </fieldset>
  );
}
