"use client";

import { useState, type ReactNode } from "react";
import { ReleaseBadge } from "@/components/pacing/release-badges";
import { Button } from "@/components/ui/button";
import { countOf } from "@/components/ui/plural";
import { deleteModuleAction } from "@/lib/authoring/actions/delete-module-action";
import { reorderLessonsAction } from "@/lib/authoring/actions/reorder-lessons-action";
import { shiftModuleAction } from "@/lib/authoring/actions/shift-module-action";
import { shiftedOrder } from "@/lib/authoring/ordering";
import type { StructureModule } from "@/lib/authoring/queries";
import type { ShiftDirection } from "@/lib/authoring/schemas";
import { ConfirmDelete } from "./confirm-delete";
import { useStructureEditor } from "./editor-context";
import { LessonForm } from "./lesson-form";
import { LessonRow } from "./lesson-row";
import { ModuleForm } from "./module-form";
import { MoveButtons } from "./move-buttons";
import { SortableItem } from "./sortable-item";
import { SortableList } from "./sortable-list";

const controlClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100";

const reorderIn = (moduleId: string, order: string[]) => (modules: StructureModule[]) =>
  modules.map((entry) =>
    entry.id === moduleId ? { ...entry, lessons: order.map((id) => entry.lessons.find((item) => item.id === id)!).filter(Boolean) } : entry,
  );

/** One module: its heading and controls, its lessons (sortable), and the form to add a lesson. */
export function ModuleCard({
  module,
  index,
  moduleIds,
  tasks,
}: {
  module: StructureModule;
  index: number;
  moduleIds: string[];
  /** The module's quizzes and assignments (their own editors), listed after its lessons. */
  tasks?: ReactNode;
}) {
  const { courseId, run, pending } = useStructureEditor();
  const [renaming, setRenaming] = useState(false);
  const [adding, setAdding] = useState(false);
  const lessonIds = module.lessons.map((lesson) => lesson.id);
  const headingId = `module-${module.id}-heading`;

  const shift = (direction: ShiftDirection) => {
    const order = shiftedOrder(moduleIds, module.id, direction) ?? moduleIds;
    run(() => shiftModuleAction({ courseId, moduleId: module.id, direction }), {
      optimistic: (modules) => order.map((id) => modules.find((entry) => entry.id === id)!).filter(Boolean),
      done: `Module ${module.title} moved ${direction} to position ${order.indexOf(module.id) + 1} of ${order.length}.`,
    });
  };

  const remove = () =>
    run(() => deleteModuleAction({ courseId, moduleId: module.id }), {
      optimistic: (modules) => modules.filter((entry) => entry.id !== module.id),
      done: `Module ${module.title} deleted.`,
    });

  const reorderLessons = (order: string[], movedId: string, toIndex: number) =>
    run(() => reorderLessonsAction({ courseId, moduleId: module.id, lessonIds: order }), {
      optimistic: reorderIn(module.id, order),
      done: `${module.lessons.find((lesson) => lesson.id === movedId)?.title ?? "Lesson"} moved to position ${toIndex + 1} of ${order.length}.`,
    });

  const lessonCount = module.lessons.length;
  return (
    <SortableItem id={module.id} title={module.title} className="rounded-card border border-slate-200 bg-white shadow-sm">
      {(handle) => (
        <section aria-labelledby={headingId} className="flex flex-col gap-4 p-4">
          <div className="flex flex-wrap items-start gap-2">
            {handle}
            <div className="min-w-0 flex-1">
              <h2 id={headingId} className="text-lg font-semibold break-words">
                <span className="text-ink-muted">Module {index + 1}:</span> {module.title}
              </h2>
              {module.description ? <p className="mt-1 text-sm text-ink-muted">{module.description}</p> : null}
              <ReleaseBadge kind="module" id={module.id} title={module.title} />
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <MoveButtons
                title={module.title}
                isFirst={index === 0}
                isLast={index === moduleIds.length - 1}
                disabled={pending}
                onMove={shift}
              />
              <button type="button" aria-expanded={renaming} onClick={() => setRenaming((open) => !open)} className={controlClass}>
                Rename<span className="sr-only"> {module.title}</span>
              </button>
              <ConfirmDelete
                title={module.title}
                question={
                  lessonCount === 0
                    ? `Delete the module “${module.title}”?`
                    : `Delete the module “${module.title}” and its ${countOf(lessonCount, "lesson")}? ` +
                      "Their files and students' completions are deleted too."
                }
                disabled={pending}
                onConfirm={remove}
              />
            </div>
          </div>

          {renaming ? (
            <div className="rounded-md bg-slate-50 p-3">
              <ModuleForm module={module} onDone={() => setRenaming(false)} onCancel={() => setRenaming(false)} />
            </div>
          ) : null}

          {lessonCount === 0 ? (
            <p className="text-sm text-ink-muted">No lessons in this module yet.</p>
          ) : (
            <SortableList
              id={`lessons-${module.id}`}
              ids={lessonIds}
              noun="lesson"
              titleOf={(id) => module.lessons.find((lesson) => lesson.id === id)?.title ?? "lesson"}
              onReorder={reorderLessons}
            >
              <ol aria-label={`Lessons of ${module.title}`} className="flex flex-col gap-2">
                {module.lessons.map((lesson, lessonIndex) => (
                  <LessonRow key={lesson.id} lesson={lesson} moduleId={module.id} lessonIds={lessonIds} index={lessonIndex} />
                ))}
              </ol>
            </SortableList>
          )}

          {tasks}

          {adding ? (
            <div className="rounded-md bg-slate-50 p-3">
              <h3 className="mb-3 text-base font-semibold">New lesson in {module.title}</h3>
              <LessonForm moduleId={module.id} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
            </div>
          ) : (
            <div>
              <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
                Add a lesson<span className="sr-only"> to {module.title}</span>
              </Button>
            </div>
          )}
        </section>
      )}
    </SortableItem>
  );
}
