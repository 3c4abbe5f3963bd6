"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useOptimistic, useState, useTransition } from "react";
import { ModuleAssignments, UnplacedAssignments } from "@/components/assignments/module-assignments";
import { ModuleQuizzes, UnplacedQuizzes } from "@/components/quiz-builder/module-quizzes";
import { QuizBuilderProvider, type QuizBuilderData } from "@/components/quiz-builder/quiz-builder-context";
import { FormAlert } from "@/components/ui/form-alert";
import { reorderModulesAction } from "@/lib/authoring/actions/reorder-modules-action";
import type { StructureAssignment } from "@/lib/assignments/editor-queries";
import type { CourseStructure } from "@/lib/authoring/queries";
import { EditorProvider, type OptimisticChange, type StructureEditorContext } from "./editor-context";
import { ModuleCard } from "./module-card";
import { ModuleForm } from "./module-form";
import { SortableList } from "./sortable-list";

/**
 * The course's modules and lessons, edited in place. Each change is a server
 * action; its response carries the page re-rendered from the database, so the
 * list always settles on the server's order. Meanwhile the change is shown at
 * once (optimistically), and a refused one is undone by reloading the list.
 */
export function StructureEditor({
  structure,
  quizzes,
  assignments,
}: {
  structure: CourseStructure;
  quizzes: QuizBuilderData;
  assignments: StructureAssignment[];
}) {
  const courseId = structure.course.id;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [modules, applyOptimistic] = useOptimistic(structure.modules, (current, change: OptimisticChange) => change(current));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const run = useCallback<StructureEditorContext["run"]>(
    (work, options = {}) => {
      setError(null);
      startTransition(async () => {
        if (options.optimistic) applyOptimistic(options.optimistic);
        const result = await work();
        if (result.ok) {
          if (options.done) setStatus(options.done);
        } else {
          setError(result.error);
          router.refresh();
        }
      });
    },
    [applyOptimistic, router],
  );

  const moduleIds = modules.map((entry) => entry.id);
  const context = useMemo<StructureEditorContext>(
    () => ({ courseId, modules: modules.map(({ id, title }) => ({ id, title })), run, announce: setStatus, pending }),
    [courseId, modules, run, pending],
  );

  const reorderModules = (order: string[], movedId: string, toIndex: number) =>
    run(() => reorderModulesAction({ courseId, moduleIds: order }), {
      optimistic: (current) => order.map((id) => current.find((entry) => entry.id === id)!).filter(Boolean),
      done: `Module ${modules.find((entry) => entry.id === movedId)?.title ?? ""} moved to position ${toIndex + 1} of ${order.length}.`,
    });

  return (
    <EditorProvider value={context}>
      <QuizBuilderProvider value={quizzes}>
        <div className="flex flex-col gap-6">
          {/* Always present, so screen readers announce each change put into it. */}
          <p role="status" className="sr-only">
            {status}
          </p>
          <FormAlert message={error} />

          {modules.length === 0 ? (
            <p className="rounded-card border border-dashed border-slate-300 bg-white p-8 text-center text-ink-muted">
              This course has no modules yet. Add the first one below.
            </p>
          ) : (
            <SortableList
              id={`modules-${courseId}`}
              ids={moduleIds}
              noun="module"
              titleOf={(id) => modules.find((entry) => entry.id === id)?.title ?? "module"}
              onReorder={reorderModules}
            >
              <ol aria-label="Modules" className="flex flex-col gap-4">
                {modules.map((entry, index) => (
                  <ModuleCard
                    key={entry.id}
                    module={entry}
                    index={index}
                    moduleIds={moduleIds}
                    tasks={
                      <>
                        <ModuleQuizzes moduleId={entry.id} moduleTitle={entry.title} />
                        <ModuleAssignments
                          courseId={courseId}
                          moduleId={entry.id}
                          moduleTitle={entry.title}
                          assignments={assignments}
                          announce={setStatus}
                        />
                      </>
                    }
                  />
                ))}
              </ol>
            </SortableList>
          )}

          <UnplacedQuizzes />
          <UnplacedAssignments courseId={courseId} assignments={assignments} announce={setStatus} />

          <section aria-labelledby="add-module-heading" className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="add-module-heading" className="mb-3 text-lg font-semibold">
              Add a module
            </h2>
            <ModuleForm />
          </section>
        </div>
      </QuizBuilderProvider>
    </EditorProvider>
  );
}
