"use client";

import { useId, useState } from "react";
import { moveLessonAction } from "@/lib/authoring/actions/move-lesson-action";
import { useStructureEditor } from "./editor-context";

/** "Move to module…": the keyboard-friendly way to put a lesson in another module (at its end). */
export function LessonMoveForm({ lessonId, lessonTitle, moduleId }: { lessonId: string; lessonTitle: string; moduleId: string }) {
  const { courseId, modules, run, pending } = useStructureEditor();
  const others = modules.filter((entry) => entry.id !== moduleId);
  const [target, setTarget] = useState(others[0]?.id ?? "");
  const selectId = useId();
  if (others.length === 0) return null;

  const targetTitle = others.find((entry) => entry.id === target)?.title ?? "";
  const move = () =>
    run(() => moveLessonAction({ courseId, lessonId, toModuleId: target, toIndex: 1000 }), {
      optimistic: (current) => {
        const lesson = current.flatMap((entry) => entry.lessons).find((entry) => entry.id === lessonId);
        if (!lesson) return current;
        return current.map((entry) =>
          entry.id === target
            ? { ...entry, lessons: [...entry.lessons, lesson] }
            : { ...entry, lessons: entry.lessons.filter((item) => item.id !== lessonId) },
        );
      },
      done: `${lessonTitle} moved to the end of ${targetTitle}.`,
    });

  return (
    <div className="flex flex-wrap items-end gap-2 border-t border-slate-200 pt-3">
      <div>
        <label htmlFor={selectId} className="mb-1 block text-sm font-medium">
          Move to module
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
        disabled={pending || !target}
        onClick={move}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
      >
        Move<span className="sr-only"> {lessonTitle} to {targetTitle}</span>
      </button>
    </div>
  );
}
