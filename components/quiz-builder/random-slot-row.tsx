"use client";

import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { MoveButtons } from "@/components/authoring/move-buttons";
import { SortableItem } from "@/components/authoring/sortable-item";
import { countOf } from "@/components/ui/plural";
import type { ShiftDirection } from "@/lib/authoring/schemas";
import type { EditorSlot } from "@/lib/quizzes/editor-queries";

/** A random slot in the quiz editor: what it draws, how many the bank holds for it, move and remove. */
export function RandomSlotRow({
  slot,
  index,
  number,
  count,
  pending,
  onShift,
  onDelete,
}: {
  slot: Extract<EditorSlot, { kind: "random" }>;
  index: number;
  number: number;
  count: number;
  pending: boolean;
  onShift: (direction: ShiftDirection) => void;
  onDelete: () => void;
}) {
  const last = number + slot.drawCount - 1;
  const numbers = slot.drawCount === 1 ? `Question ${number}` : `Questions ${number}–${last}`;
  const title = `random questions ${number}${slot.drawCount > 1 ? ` to ${last}` : ""}`;
  const short = slot.available < slot.drawCount;
  return (
    <SortableItem id={slot.id} title={numbers} className="rounded-md border border-dashed border-brand-500/60 bg-white">
      {(handle) => (
        <div className="flex flex-wrap items-center gap-2 p-2">
          {handle}
          <div className="min-w-0 flex-1">
            <p className="font-medium break-words">
              <span className="text-ink-muted">{numbers}:</span> {slot.label}
            </p>
            <p className={`text-xs ${short ? "font-semibold text-danger-700" : "text-ink-muted"}`}>
              {countOf(slot.points, "point")} each · {countOf(slot.available, "question")} to draw from
              {short ? " — too few: add questions to the bank or draw fewer before publishing." : ""}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <MoveButtons title={title} isFirst={index === 0} isLast={index === count - 1} disabled={pending} onMove={onShift} />
            <ConfirmDelete
              title={title}
              verb={{ label: "Remove", gerund: "removing" }}
              question="Remove this random draw from the quiz? The bank keeps its questions, and past attempts keep what they drew."
              disabled={pending}
              onConfirm={onDelete}
            />
          </div>
        </div>
      )}
    </SortableItem>
  );
}
