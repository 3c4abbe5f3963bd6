"use client";

import { moveLessonAction } from "@/lib/authoring/actions/move-lesson-action";
import { useStructureEditor } from "./editor-context";
import { MoveToModule } from "./move-to-module";

/** "Move to module…": the keyboard-friendly way to put a lesson in another module (at its end). */
export function LessonMoveForm({ lessonId, lessonTitle, moduleId }: { lessonId: string; lessonTitle: string; moduleId: string }) {
  const { courseId, run, pending } = useStructureEditor();
  const move = (target: string, targetTitle: string) =>
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
    <div className="border-t border-slate-200 pt-3 empty:hidden">
      <MoveToModule itemTitle={lessonTitle} currentModuleId={moduleId} disabled={pending} onMove={move} />
    </div>
  );
}
