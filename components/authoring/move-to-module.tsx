"use client";

import { useId, useState } from "react";
import { useStructureEditor } from "./editor-context";

/**
 * "Move to module": the keyboard-friendly way to put a lesson, quiz or
 * assignment at the end of another module of the course. Renders nothing
 * when there is no other module.
 */
export function MoveToModule({
  label = "Move to module",
  itemTitle,
  currentModuleId,
  disabled,
  onMove,
}: {
  label?: string;
  /** Read by screen readers on the button: "Move <item> to <module>". */
  itemTitle: string;
  currentModuleId: string | null;
  disabled: boolean;
  onMove: (moduleId: string, moduleTitle: string) => void;
}) {
  const { modules } = useStructureEditor();
  const others = modules.filter((entry) => entry.id !== currentModuleId);
  const [target, setTarget] = useState(others[0]?.id ?? "");
  const selectId = useId();
  if (others.length === 0) return null;
  const targetTitle = others.find((entry) => entry.id === target)?.title ?? "";

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={selectId} className="mb-1 block text-sm font-medium">
          {label}
        </label>
        <select
          id={selectId}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
        >
          {others.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.title}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        disabled={disabled || !target}
        onClick={() => onMove(target, targetTitle)}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
      >
        Move<span className="sr-only"> {itemTitle} to {targetTitle}</span>
      </button>
    </div>
  );
}
