"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDelete } from "@/components/authoring/confirm-delete";
import { MoveToModule } from "@/components/authoring/move-to-module";
import { ReleaseBadge } from "@/components/pacing/release-badges";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { formatDate } from "@/lib/format";
import { countOf } from "@/components/ui/plural";
import { StatusBadge } from "@/components/ui/status-badge";
import { deleteAssignmentAction } from "@/lib/assignments/actions/delete-assignment-action";
import { moveAssignmentAction } from "@/lib/assignments/actions/move-assignment-action";
import { publishAssignmentAction } from "@/lib/assignments/actions/publish-assignment-action";
import type { StructureAssignment } from "@/lib/assignments/editor-queries";
import { AssignmentForm } from "./assignment-form";

const kindLabel = { assignment: "Assignment", project: "Project" } as const;

function AssignmentRow({ courseId, assignment, announce }: { courseId: string; assignment: StructureAssignment; announce: (message: string) => void }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const published = assignment.status === "published";

  const run = (work: () => Promise<{ ok: boolean; error?: string }>, done: string) =>
    startTransition(async () => {
      setError(null);
      const result = await work();
      if (!result.ok) {
        setError(result.error ?? "That did not work. Try again.");
        return;
      }
      announce(done);
      router.refresh();
    });

  return (
    <li className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-2">
      <div className="flex flex-wrap items-center gap-2">
        <span aria-hidden="true" className="flex h-9 min-w-9 items-center justify-center rounded-md bg-warning-50 px-1 text-xs font-bold text-warning-800">
          {assignment.type === "project" ? "Proj" : "Task"}
        </span>
        <div className="min-w-0 flex-1">
          <p className="font-medium break-words">
            <span className="sr-only">{kindLabel[assignment.type]}: </span>
            {assignment.title}
          </p>
          <p className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
            <StatusBadge status={assignment.status} />
            {countOf(assignment.maxPoints, "point")} · {assignment.dueAt ? `due ${formatDate(assignment.dueAt)}` : "no due date"} ·{" "}
            {countOf(assignment.handedIn, "student")} handed in
          </p>
          <ReleaseBadge kind="task" id={assignment.id} title={assignment.title} />
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" className="px-2 py-1" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            {editing ? "Close" : "Edit"}
            <span className="sr-only"> {assignment.title}</span>
          </Button>
          <Button
            type="button"
            variant="secondary"
            className="px-2 py-1"
            disabled={pending}
            onClick={() =>
              run(
                () => publishAssignmentAction({ courseId, taskId: assignment.id, publish: !published }),
                published ? `${assignment.title} is a draft again.` : `${assignment.title} is published.`,
              )
            }
          >
            {published ? "Unpublish" : "Publish"}
            <span className="sr-only"> {assignment.title}</span>
          </Button>
          <Link
            href={`/teacher/courses/${courseId}/tasks/${assignment.id}/overrides`}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100"
          >
            Extensions<span className="sr-only"> and overrides of {assignment.title}</span>
          </Link>
          {assignment.handedIn > 0 ? (
            <Link href={`/teacher/grading?assignment=${assignment.id}&status=all`} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100">
              Grade<span className="sr-only"> {assignment.title}</span>
            </Link>
          ) : (
            <ConfirmDelete
              title={assignment.title}
              question={`Delete ${assignment.title}?`}
              disabled={pending}
              onConfirm={() => run(() => deleteAssignmentAction({ courseId, taskId: assignment.id }), `${assignment.title} deleted.`)}
            />
          )}
        </div>
      </div>
      <FormAlert message={error} />
      {editing || assignment.moduleId === null ? (
        <MoveToModule
          itemTitle={assignment.title}
          currentModuleId={assignment.moduleId}
          disabled={pending}
          onMove={(moduleId, moduleTitle) =>
            run(() => moveAssignmentAction({ courseId, taskId: assignment.id, toModuleId: moduleId }), `${assignment.title} moved to ${moduleTitle}.`)
          }
        />
      ) : null}
      {editing ? (
        <div className="rounded-md bg-slate-50 p-3">
          <AssignmentForm
            courseId={courseId}
            moduleId={assignment.moduleId ?? ""}
            assignment={assignment}
            announce={announce}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              router.refresh();
            }}
          />
        </div>
      ) : null}
    </li>
  );
}

/** A module's assignments and projects, after its lessons and quizzes, with the button to add one. */
export function ModuleAssignments({
  courseId,
  moduleId,
  moduleTitle,
  assignments,
  announce,
}: {
  courseId: string;
  moduleId: string;
  moduleTitle: string;
  assignments: StructureAssignment[];
  announce: (message: string) => void;
}) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const own = assignments.filter((assignment) => assignment.moduleId === moduleId);
  return (
    <div className="flex flex-col gap-2">
      {own.length > 0 ? (
        <ol aria-label={`Assignments of ${moduleTitle}`} className="flex flex-col gap-2">
          {own.map((assignment) => (
            <AssignmentRow key={assignment.id} courseId={courseId} assignment={assignment} announce={announce} />
          ))}
        </ol>
      ) : null}
      {adding ? (
        <div className="rounded-md bg-slate-50 p-3">
          <h3 className="mb-3 text-base font-semibold">New assignment in {moduleTitle}</h3>
          <AssignmentForm
            courseId={courseId}
            moduleId={moduleId}
            announce={announce}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              router.refresh();
            }}
          />
        </div>
      ) : (
        <div>
          <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
            Add an assignment<span className="sr-only"> to {moduleTitle}</span>
          </Button>
        </div>
      )}
    </div>
  );
}

/** Assignments whose module was deleted: still the course's (and still required when published), shown so they can be placed again. */
export function UnplacedAssignments({
  courseId,
  assignments,
  announce,
}: {
  courseId: string;
  assignments: StructureAssignment[];
  announce: (message: string) => void;
}) {
  const unplaced = assignments.filter((assignment) => assignment.moduleId === null);
  if (unplaced.length === 0) return null;
  return (
    <section aria-labelledby="unplaced-assignments-heading" className="rounded-card border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="unplaced-assignments-heading" className="mb-1 text-lg font-semibold">
        Assignments outside any module
      </h2>
      <p className="mb-3 text-sm text-ink-muted">Their module was deleted. Use “Move to module” to place one again.</p>
      <ol aria-label="Assignments outside any module" className="flex flex-col gap-2">
        {unplaced.map((assignment) => (
          <AssignmentRow key={assignment.id} courseId={courseId} assignment={assignment} announce={announce} />
        ))}
      </ol>
    </section>
  );
}
